package org.elastos.frontdoor.views;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** Outline icons drawn from SVG path data, so they look the same on every platform whatever fonts it has. */
public final class Icon {
    private Icon() {
    }

    /** @param path SVG path data on a 24 x 24 grid; {@code size} is the drawn size in pixels */
    public static Node of(String path, double size, String styleClass) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        shape.getStyleClass().addAll("icon", styleClass);
        double scale = size / 24.0;
        shape.setScaleX(scale);
        shape.setScaleY(scale);
        return new Group(shape);
    }
}
