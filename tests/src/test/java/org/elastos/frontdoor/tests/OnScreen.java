package org.elastos.frontdoor.tests;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finding a node a person could click now: in a showing window, every ancestor visible, and inside the scene (scrolled
 * into view). TestFX's own check assumes a node found is attached to a scene, which a screen being replaced may not be.
 */
final class OnScreen {
    private OnScreen() {
    }

    /** The node, the moment it was found clickable: a screen settling may hide it again a moment later. */
    static Node await(FxRobot robot, String query) throws TimeoutException {
        AtomicReference<Node> found = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            find(robot, query).ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    static void click(FxRobot robot, String query) throws TimeoutException {
        robot.clickOn(await(robot, query));
    }

    /** Looked up on the JavaFX thread: read from another, a scene being laid out can throw mid-walk. */
    private static Optional<Node> find(FxRobot robot, String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAll().stream().filter(OnScreen::clickable).findFirst())
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    private static boolean clickable(Node node) {
        Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return false;
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        return bounds.getMinY() >= 0 && bounds.getMaxY() <= scene.getHeight() && bounds.getMinX() >= 0
                && bounds.getMaxX() <= scene.getWidth();
    }
}
