package org.elastos.frontdoor.views;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work on daemon threads and hands results back through {@link Platform#runLater}. The pool grows with what
 * runs at once: a screen that keeps looking (the Store) waits on a thread of its own, so a purchase or a playback
 * beside it never queues behind it; idle threads go after a minute.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "frontdoor-task");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pool.execute(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (RuntimeException | Error e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public <T, P> Running start(Function<Task<P>, T> work, Consumer<P> onProgress, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicReference<Future<?>> future = new AtomicReference<>();
        Task<P> task = new Task<>() {
            @Override
            public void progress(P update) {
                deliver(stopped, () -> onProgress.accept(update));
            }

            @Override
            public boolean cancelled() {
                return stopped.get();
            }
        };
        future.set(pool.submit(() -> {
            try {
                T result = work.apply(task);
                deliver(stopped, () -> onSuccess.accept(result));
            } catch (RuntimeException | Error e) {
                deliver(stopped, () -> onFailure.accept(e));
            }
        }));
        return new Running() {
            @Override
            public void cancel() {
                stopped.set(true);
                future.get().cancel(true);
            }

            @Override
            public boolean cancelled() {
                return stopped.get();
            }
        };
    }

    /** On the UI thread, unless the work was cancelled by the time it gets there. */
    private static void deliver(AtomicBoolean stopped, Runnable callback) {
        if (!stopped.get()) {
            Platform.runLater(() -> {
                if (!stopped.get()) {
                    callback.run();
                }
            });
        }
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    public void shutdown() {
        pool.shutdownNow();
    }
}
