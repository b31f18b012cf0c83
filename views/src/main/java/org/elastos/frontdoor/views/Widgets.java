package org.elastos.frontdoor.views;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The few building blocks every screen shares, so they look and behave the same everywhere. */
public final class Widgets {
    private Widgets() {
    }

    public static Label title(String text) {
        return styled(new Label(text), "title");
    }

    public static Label body(String text) {
        Label label = styled(new Label(text), "body");
        label.setWrapText(true);
        return label;
    }

    public static Label styled(Label label, String... styleClasses) {
        label.getStyleClass().addAll(styleClasses);
        return label;
    }

    public static Button primary(String id, String text, Runnable action) {
        Button button = button(id, text, action);
        button.getStyleClass().add("primary");
        return button;
    }

    public static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    public static Button link(String id, String text, Runnable action) {
        Button button = button(id, text, action);
        button.getStyleClass().add("link");
        return button;
    }

    /** A card centred on the page, scrolling when the window is small (a phone held sideways). */
    public static Node centeredCard(Node... children) {
        VBox card = new VBox(children);
        card.getStyleClass().addAll("card", "centered-card");
        card.setMaxWidth(620);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane holder = new StackPane(card);
        holder.setAlignment(Pos.CENTER);
        holder.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(holder);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }
}
