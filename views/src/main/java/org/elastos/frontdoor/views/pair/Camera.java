package org.elastos.frontdoor.views.pair;

import javafx.scene.image.Image;

import java.util.Optional;

/** A camera the platform offers (phones, through Gluon Attach); desktops have none, and Pair hides the button. */
@FunctionalInterface
public interface Camera {
    /** A photo taken now, or empty when the person cancelled. */
    Optional<Image> takePhoto();
}
