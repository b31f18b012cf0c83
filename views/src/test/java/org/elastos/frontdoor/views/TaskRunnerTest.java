package org.elastos.frontdoor.views;

import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long work with progress and cancel, on the real JavaFX thread and in line for view-model tests. */
class TaskRunnerTest {
    @BeforeAll
    static void javaFx() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // Started by another test in this JVM.
        }
    }

    @Test
    void progressReachesTheUiThreadInOrderAndThenTheResult() throws Exception {
        FxTaskRunner runner = new FxTaskRunner();
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean offUiThread = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        runner.start(task -> {
            offUiThread.set(!Platform.isFxApplicationThread());
            for (int i = 1; i <= 3; i++) {
                task.progress(i);
            }
            return "bought";
        }, update -> seen.add((Platform.isFxApplicationThread() ? "ui " : "other ") + update), result -> {
            seen.add("ui? " + Platform.isFxApplicationThread() + " " + result);
            done.countDown();
        }, failure -> done.countDown());
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertTrue(offUiThread.get(), "the work ran off the UI thread");
        assertEquals(List.of("ui 1", "ui 2", "ui 3", "ui? true bought"), seen);
        runner.shutdown();
    }

    @Test
    void cancellingInterruptsTheWorkAndNothingMoreIsDelivered() throws Exception {
        FxTaskRunner runner = new FxTaskRunner();
        List<Object> delivered = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        TaskRunner.Running running = runner.start(task -> {
            task.progress("waiting for confirmations");
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            task.progress("after the cancel");
            return "too late";
        }, delivered::add, delivered::add, delivered::add);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        waitForUiThread();
        running.cancel();
        assertTrue(running.cancelled());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the work was interrupted");
        Thread.sleep(300);
        waitForUiThread();
        assertEquals(List.of("waiting for confirmations"), delivered);
        runner.shutdown();
    }

    @Test
    void inLineProgressThenTheResultOrTheFailureArriveInOrder() {
        List<Object> delivered = new CopyOnWriteArrayList<>();
        TaskRunner.Running[] running = new TaskRunner.Running[1];
        TaskRunner runner = TaskRunner.synchronous();
        running[0] = runner.start(task -> {
            task.progress(1);
            return "done";
        }, delivered::add, delivered::add, delivered::add);
        assertEquals(List.of(1, "done"), delivered);
        assertFalse(running[0].cancelled());

        List<Object> failing = new CopyOnWriteArrayList<>();
        runner.start(task -> {
            task.progress("before");
            throw new IllegalStateException("the chain went away");
        }, failing::add, failing::add, failure -> failing.add(failure.getMessage()));
        assertEquals(List.of("before", "the chain went away"), failing);
    }

    private static void waitForUiThread() throws InterruptedException {
        CountDownLatch idle = new CountDownLatch(1);
        Platform.runLater(idle::countDown);
        assertTrue(idle.await(10, TimeUnit.SECONDS));
    }
}
