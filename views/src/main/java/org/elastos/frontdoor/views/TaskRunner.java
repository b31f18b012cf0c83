package org.elastos.frontdoor.views;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way screens run slow work (key derivation, disk, network) off the UI thread. The callbacks run on the
 * UI thread. Tests swap in {@link #synchronous()} to run everything in line.
 */
public interface TaskRunner {
    <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** UI-thread hand-off for things that happen elsewhere (an auto-lock timer, say). */
    void onUiThread(Runnable action);

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
            public void onUiThread(Runnable action) {
                action.run();
            }
        };
    }
}
