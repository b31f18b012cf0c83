package org.elastos.frontdoor.capsule;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.ExportSection;

import java.util.concurrent.Callable;
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
    /** The export a capsule taking bytes names its room by. */
    public static final String BUFFER_EXPORT = "elastos_buffer";
    /** The export, optional, a capsule taking bytes names where its output begins by, when not at its room's start. */
    public static final String OUTPUT_EXPORT = "elastos_output_at";

    private final CapsuleManifest manifest;
    private final Instance instance;
    private final Capabilities capabilities;
    private final AuditLog audit;
    private final ExecutorService thread;
    private final boolean namesItsOutput;
    private volatile CapsuleException ended;

    LoadedCapsule(CapsuleManifest manifest, Instance instance, Capabilities capabilities, AuditLog audit) {
        this.manifest = manifest;
        this.instance = instance;
        this.capabilities = capabilities;
        this.audit = audit;
        this.namesItsOutput = exports(instance, OUTPUT_EXPORT);
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
        ExportFunction function = export(export);
        return run(export, () -> function.apply(args));
    }

    /**
     * Hands bytes to the capsule and takes its answer back, all within one call's time budget. The capsule exports
     * {@value #BUFFER_EXPORT}{@code (capacity) -> pointer}, a region of its own memory with room for {@code capacity}
     * bytes, and {@code export(pointer, length, capacity) -> produced}: the input is written at the pointer, the
     * capsule works on it in place and leaves {@code produced} bytes of output there, or a negative code refusing it.
     * A capsule that leaves its output further into its room exports {@value #OUTPUT_EXPORT}{@code () -> pointer}
     * too, called after each call, so it need not move what it kept back to the room's start.
     * Ranges the capsule marked with {@code media_decrypt} are decrypted as the output is taken, never inside it.
     *
     * @param capacity room for the output, at least the input's length
     * @throws CapsuleException.InputTooLarge  when the room cannot fit in the memory the capsule may have; it keeps running
     * @throws CapsuleException.InputRefused   when the capsule refused the input; it keeps running
     * @throws CapsuleException.BufferRejected when the capsule's region or answer falls outside its memory; it is stopped
     */
    public synchronized byte[] callWithBytes(String export, byte[] input, int capacity) {
        if (capacity < input.length) {
            throw new IllegalArgumentException("the room for the output must hold the input");
        }
        long most = (long) manifest.limits().memoryPages() * Memory.PAGE_SIZE;
        if (capacity > most) {
            throw new CapsuleException.InputTooLarge(manifest.name() + " has room for at most " + most / 1024 + " KiB; "
                    + capacity / 1024 + " KiB were offered to " + export);
        }
        ExportFunction buffer = export(BUFFER_EXPORT);
        ExportFunction function = export(export);
        ExportFunction outputAt = namesItsOutput ? export(OUTPUT_EXPORT) : null;
        Answer answer = run(export, () -> {
            long at = buffer.apply(capacity)[0];
            Memory memory = instance.memory();
            long size = (long) memory.pages() * Memory.PAGE_SIZE;
            if (at <= 0 || at + capacity > size) {
                throw new CapsuleException.BufferRejected(manifest.name() + " offered room for " + capacity + " bytes at "
                        + at + ", outside its " + size + " bytes of memory, and was stopped");
            }
            memory.write((int) at, input);
            capabilities.handsBackBytes(at, capacity);
            long length = function.apply(at, input.length, capacity)[0];
            if (length > capacity) {
                throw new CapsuleException.BufferRejected(manifest.name() + " claimed " + length + " bytes of output in room"
                        + " for " + capacity + ", and was stopped");
            }
            if (length < 0) {
                return new Answer(length, null);
            }
            long from = outputAt == null ? at : outputAt.apply()[0];
            if (from < at || from + length > at + capacity) {
                throw new CapsuleException.BufferRejected(manifest.name() + " placed its " + length + " bytes of output at "
                        + from + ", outside its room of " + capacity + " bytes at " + at + ", and was stopped");
            }
            byte[] output = memory.readBytes((int) from, (int) length);
            capabilities.decryptOnTheWayOut(output, from);
            return new Answer(0, output);
        });
        if (answer.output() == null) {
            throw new CapsuleException.InputRefused(manifest.name() + " refused what was given to " + export + " (code "
                    + answer.code() + ")", (int) answer.code());
        }
        return answer.output();
    }

    private record Answer(long code, byte[] output) {
    }

    private static boolean exports(Instance instance, String name) {
        ExportSection exports = instance.module().exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            if (exports.getExport(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private ExportFunction export(String export) {
        if (ended != null) {
            throw new CapsuleException.Trapped(manifest.name() + " was stopped earlier and cannot be called again ("
                    + ended.getMessage() + ")", ended);
        }
        try {
            return instance.export(export);
        } catch (ChicoryException e) {
            throw new CapsuleException.Trapped(manifest.name() + " has no function \"" + export + "\"", e);
        }
    }

    private <T> T run(String export, Callable<T> work) {
        capabilities.newCall();
        Future<T> result = thread.submit(work);
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
    public synchronized void close() {
        capabilities.closing();
        thread.shutdownNow();
    }
}
