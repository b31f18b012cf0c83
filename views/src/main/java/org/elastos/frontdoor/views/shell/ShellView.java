package org.elastos.frontdoor.views.shell;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.elastos.frontdoor.views.Icon;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;
import org.elastos.frontdoor.wallet.Identity;

import java.util.Optional;

/** The frame after unlock: navigation on the left, the chosen section on the right. */
public final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final Identity identity;

    public ShellView(ShellViewModel model, Identity identity) {
        this.model = model;
        this.identity = identity;
        setId("shell");

        VBox nav = new VBox();
        nav.getStyleClass().add("nav");
        Label brand = Widgets.styled(new Label(Strings.get("app.title")), "nav-brand");
        brand.setWrapText(true);
        nav.getChildren().add(brand);
        ToggleGroup group = new ToggleGroup();
        for (Section section : Section.values()) {
            ToggleButton button = new ToggleButton(Strings.get("nav." + section.name()), Icon.of(section.icon(), 18, "nav-icon"));
            button.setGraphicTextGap(12);
            button.setId(section.id());
            button.getStyleClass().setAll("nav-button");
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(event -> {
                model.show(section);
                button.setSelected(true);
            });
            button.setSelected(section == model.sectionProperty().get());
            nav.getChildren().add(button);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Button lock = Widgets.button("nav-lock", Strings.get("nav.lock"), model::lock);
        lock.setGraphic(Icon.of(Section.LOCK_ICON, 18, "nav-icon"));
        lock.setGraphicTextGap(12);
        lock.getStyleClass().setAll("nav-button");
        Label who = Widgets.styled(new Label(identity.did().fingerprint()), "nav-identity");
        nav.getChildren().addAll(spacer, lock, who);
        setLeft(nav);

        model.sectionProperty().addListener((obs, old, section) -> {
            group.getToggles().forEach(toggle -> toggle.setSelected(((Node) toggle).getId().equals(section.id())));
            setCenter(content(section));
        });
        setCenter(content(model.sectionProperty().get()));
    }

    private Node content(Section section) {
        return switch (section) {
            case HOME -> new HomeView(identity, () -> model.show(Section.PAIR));
            case SETTINGS -> new SettingsView(model.app());
            case VENDING -> new EmptyStateView(section, Optional.of(() -> model.show(Section.PAIR)), Optional.of(Strings.get("empty.action.PAIR")));
            default -> new EmptyStateView(section, Optional.empty(), Optional.empty());
        };
    }
}
