package org.elastos.frontdoor.views;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way screens run slow work (key derivation, disk, network) off the UI thread. The callbacks run on the
 * UI thread. Tests swap in {@link #synchronous()} to run everything in line.
 */
public interface TaskRunner {
    <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Long work that reports how it is going and can be stopped (a purchase awaiting confirmations, a playback):
     * each update reaches {@code onProgress} on the UI thread, in order. Once cancelled, the work is interrupted and
     * nothing more is delivered, neither progress nor result.
     */
    <T, P> Running start(Function<Task<P>, T> work, Consumer<P> onProgress, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** UI-thread hand-off for things that happen elsewhere (an auto-lock timer, say). */
    void onUiThread(Runnable action);

    /** What long work is handed: where to report, and whether it should stop. */
    interface Task<P> {
        void progress(P update);

        boolean cancelled();
    }

    /** Long work on its way. */
    interface Running {
        /** Stops it: the work is interrupted, and nothing it reports afterwards reaches the screen. */
        void cancel();

        boolean cancelled();
    }

    static TaskRunner synchronous() {
        return new TaskRunner() {
            @Override
            public <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.get();
                } catch (RuntimeException e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }

            @Override
            public <T, P> Running start(Function<Task<P>, T> work, Consumer<P> onProgress, Consumer<T> onSuccess,
                    Consumer<Throwable> onFailure) {
                AtomicBoolean stopped = new AtomicBoolean();
                Running running = new Running() {
                    @Override
                    public void cancel() {
                        stopped.set(true);
                    }

                    @Override
                    public boolean cancelled() {
                        return stopped.get();
                    }
                };
                Task<P> task = new Task<>() {
                    @Override
                    public void progress(P update) {
                        if (!stopped.get()) {
                            onProgress.accept(update);
                        }
                    }

                    @Override
                    public boolean cancelled() {
                        return stopped.get();
                    }
                };
                run(() -> work.apply(task), result -> {
                    if (!stopped.get()) {
                        onSuccess.accept(result);
                    }
                }, failure -> {
                    if (!stopped.get()) {
                        onFailure.accept(failure);
                    }
                });
                return running;
            }

            @Override
            public void onUiThread(Runnable action) {
                action.run();
            }
        };
    }
}
