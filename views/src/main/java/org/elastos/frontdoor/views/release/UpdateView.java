package org.elastos.frontdoor.views.release;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;

/** The "Updates" card: one button, and what the release channel said. */
public final class UpdateView extends VBox {
    public UpdateView(UpdateViewModel model) {
        super(12);
        setId("updates");
        getStyleClass().add("card");
        Label status = Widgets.body("");
        status.setId("update-status");
        status.textProperty().bind(model.statusProperty());
        Button check = Widgets.button("update-check", Strings.get("update.check"), model::check);
        check.disableProperty().bind(model.busyProperty().or(new SimpleBooleanProperty(!model.hasChannel())));
        getChildren().addAll(Widgets.styled(new Label(Strings.get("update.title")), "subtitle"), status, check);
    }
}
