package org.elastos.frontdoor.views.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.elastos.frontdoor.views.Icon;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;

import java.util.Optional;

/** An honest empty section: what will be here, why it is empty, and the one thing to do about it. */
final class EmptyStateView extends VBox {
    EmptyStateView(Section section, Optional<Runnable> action, Optional<String> actionText) {
        setId("empty-" + section.name().toLowerCase());
        getStyleClass().add("empty-state");
        Node icon = Icon.of(section.icon(), 56, "empty-icon");
        Label title = Widgets.styled(new Label(Strings.get("empty." + section.name() + ".title")), "empty-title");
        Label body = Widgets.body(Strings.get("empty." + section.name() + ".body"));
        body.setMaxWidth(520);
        body.setStyle("-fx-text-alignment: center;");
        getChildren().addAll(icon, title, body);
        action.ifPresent(run -> getChildren().add(Widgets.primary("empty-action", actionText.orElseThrow(), run)));
    }
}
