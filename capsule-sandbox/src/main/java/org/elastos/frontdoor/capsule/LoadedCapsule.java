package org.elastos.frontdoor.capsule;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A capsule that passed every check, ready to call. Each call runs on the capsule's own thread under its time
 * budget. A trap, an overrun, a memory grab or a denied capability ends the capsule for good, with a typed error;
 * the rest of the app is untouched.
 */
public final class LoadedCapsule implements AutoCloseable {
    private final CapsuleManifest manifest;
    private final Instance instance;
    private final Capabilities capabilities;
    private final AuditLog audit;
    private final ExecutorService thread;
    private volatile CapsuleException ended;

    LoadedCapsule(CapsuleManifest manifest, Instance instance, Capabilities capabilities, AuditLog audit) {
        this.manifest = manifest;
        this.instance = instance;
        this.capabilities = capabilities;
        this.audit = audit;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread worker = new Thread(runnable, "capsule-" + manifest.name());
            worker.setDaemon(true);
            return worker;
        });
    }

    public CapsuleManifest manifest() {
        return manifest;
    }

    public synchronized long[] call(String export, long... args) {
        if (ended != null) {
            throw new CapsuleException.Trapped(manifest.name() + " was stopped earlier and cannot be called again ("
                    + ended.getMessage() + ")", ended);
        }
        ExportFunction function;
        try {
            function = instance.export(export);
        } catch (ChicoryException e) {
            throw new CapsuleException.Trapped(manifest.name() + " has no function \"" + export + "\"", e);
        }
        capabilities.newCall();
        Future<long[]> result = thread.submit(() -> function.apply(args));
        long budget = manifest.limits().callTime().toMillis();
        try {
            return result.get(budget, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw end(new CapsuleException.TimedOut(manifest.name() + " ran past its " + budget + " ms budget for "
                    + export + " and was stopped", e));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CapsuleException capsule) {
                throw end(capsule);
            }
            if (cause instanceof ChicoryInterruptedException) {
                throw end(new CapsuleException.TimedOut(manifest.name() + " was stopped", cause));
            }
            throw end(new CapsuleException.Trapped(manifest.name() + " trapped in " + export + ": " + cause.getMessage()
                    + "; it was stopped", cause));
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw end(new CapsuleException.TimedOut(manifest.name() + " was stopped because the app is closing", e));
        }
    }

    private CapsuleException end(CapsuleException why) {
        ended = why;
        audit.record(manifest.name(), "stop", why.getClass().getSimpleName() + ": " + why.getMessage());
        thread.shutdownNow();
        return why;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
