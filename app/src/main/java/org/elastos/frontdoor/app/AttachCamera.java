package org.elastos.frontdoor.app;

import com.gluonhq.attach.pictures.PicturesService;
import org.elastos.frontdoor.views.pair.Camera;

import java.util.Optional;

/**
 * The phone's camera through Gluon Attach's pictures service. On a desktop the service has no implementation, so
 * there is no camera and Pair offers pictures, drops, pastes, links and typed codes instead.
 */
final class AttachCamera {
    private AttachCamera() {
    }

    static Optional<Camera> ofThisPlatform() {
        if (!"android".equalsIgnoreCase(System.getProperty("javafx.platform", ""))
                && !"ios".equalsIgnoreCase(System.getProperty("javafx.platform", ""))) {
            return Optional.empty();   // desktops: no camera service, and no need for Attach to say so in the log
        }
        try {
            return PicturesService.create().map(service -> () -> service.takePhoto(false));
        } catch (RuntimeException | LinkageError notOnThisPlatform) {
            return Optional.empty();
        }
    }
}
