package org.elastos.frontdoor.views.shell;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.elastos.frontdoor.views.Icon;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;
import org.elastos.frontdoor.views.box.BoxViewModel;
import org.elastos.frontdoor.views.vending.VendingView;
import org.elastos.frontdoor.views.vending.VendingViewModel;
import org.elastos.frontdoor.link.BoxConnector;
import org.elastos.frontdoor.link.PairedBoxes;
import org.elastos.frontdoor.views.earnings.EarningsView;
import org.elastos.frontdoor.views.earnings.EarningsViewModel;
import org.elastos.frontdoor.views.box.DevicesView;
import org.elastos.frontdoor.views.pair.Camera;
import org.elastos.frontdoor.views.pair.PairView;
import org.elastos.frontdoor.views.pair.PairViewModel;
import org.elastos.frontdoor.views.player.PlayerView;
import org.elastos.frontdoor.views.player.PlayerViewModel;
import org.elastos.frontdoor.views.store.BuyView;
import org.elastos.frontdoor.views.store.BuyViewModel;
import org.elastos.frontdoor.views.store.Marketplace;
import org.elastos.frontdoor.views.store.Offer;
import org.elastos.frontdoor.views.store.StoreView;
import org.elastos.frontdoor.views.store.StoreViewModel;
import org.elastos.frontdoor.wallet.Identity;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The frame after unlock: navigation on the left, the chosen section on the right. */
public final class ShellView extends BorderPane {
    /** Narrower than this, the navigation is a bar along the bottom. */
    private static final double COMPACT_WIDTH = 720;
    /** How often a purchase's confirmations are looked for, and how long they are awaited. */
    private static final java.time.Duration BUY_POLL = java.time.Duration.ofMillis(500);
    private static final java.time.Duration BUY_PATIENCE = java.time.Duration.ofMinutes(5);

    private final ShellViewModel model;
    private final Identity identity;
    private final Supplier<Optional<Path>> choosePicture;
    private final Optional<Camera> camera;
    private BoxViewModel box;
    private VendingViewModel vending;
    private StoreViewModel shelf;

    public ShellView(ShellViewModel model, Identity identity, Supplier<Optional<Path>> choosePicture, Optional<Camera> camera) {
        this.model = model;
        this.identity = identity;
        this.choosePicture = choosePicture;
        this.camera = camera;
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
        List<ButtonBase> places = nav.getChildren().stream().filter(ButtonBase.class::isInstance).map(ButtonBase.class::cast).toList();
        HBox bar = new HBox();
        bar.getStyleClass().addAll("nav", "nav-bar");
        widthProperty().addListener((obs, old, width) -> compact(width.doubleValue() < COMPACT_WIDTH, nav, bar, places, brand, spacer, who));

        model.sectionProperty().addListener((obs, old, section) -> {
            group.getToggles().forEach(toggle -> toggle.setSelected(((Node) toggle).getId().equals(section.id())));
            setCenter(content(section));
        });
        setCenter(content(model.sectionProperty().get()));
    }

    /**
     * At a phone's width the navigation moves to a bar along the bottom, icons only (each keeps its name for tooltips
     * and assistive technology); at a desktop's it is the column on the left with names.
     */
    private void compact(boolean narrow, VBox nav, HBox bar, List<ButtonBase> places, Node... columnOnly) {
        if (narrow == (getBottom() == bar)) {
            return;
        }
        for (ButtonBase place : places) {
            place.setContentDisplay(narrow ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
            if (place.getTooltip() == null) {
                place.setTooltip(new Tooltip(place.getText()));
            }
            HBox.setHgrow(place, narrow ? Priority.ALWAYS : Priority.NEVER);
        }
        getStyleClass().remove("compact");
        if (narrow) {
            getStyleClass().add("compact");
            nav.getChildren().removeAll(places);
            bar.getChildren().setAll(places);
            setLeft(null);
            setBottom(bar);
        } else {
            bar.getChildren().clear();
            nav.getChildren().setAll(columnOnly[0]);
            nav.getChildren().addAll(places.subList(0, places.size() - 1));
            nav.getChildren().addAll(columnOnly[1], places.get(places.size() - 1), columnOnly[2]);
            setBottom(null);
            setLeft(nav);
        }
    }

    /** The shell is going away (locked, or the app closes): what it opened is closed. */
    public void shutdown() {
        leaveSection();
        model.shutdown();
    }

    private void leaveSection() {
        if (box != null) {
            box.shutdown();
            box = null;
        }
        if (shelf != null) {
            shelf.shutdown();
            shelf = null;
        }
        if (vending != null) {
            vending.shutdown();
            vending = null;
        }
    }

    private Node content(Section section) {
        leaveSection();
        Optional<Marketplace> market = section == Section.STORE || section == Section.LIBRARY || section == Section.EARNINGS
                || section == Section.VENDING ? model.marketplace() : Optional.empty();
        return switch (section) {
            case HOME -> {
                box = new BoxViewModel(model.app().tasks(), model::device, model.pairedBoxes());
                BoxViewModel opened = box;
                yield new HomeView(identity, opened, () -> model.show(Section.PAIR),
                        () -> setCenter(new DevicesView(opened, () -> setCenter(content(Section.HOME)))));
            }
            case PAIR -> new PairView(new PairViewModel(model.app().tasks(), model::device, model.pairedBoxes(),
                    model.deviceName(), Clock.systemUTC()), choosePicture, camera, () -> model.show(Section.HOME));
            case SETTINGS -> new SettingsView(model.app());
            case STORE, LIBRARY -> market.<Node>map(open -> shelfView(section, open))
                    .orElseGet(() -> new EmptyStateView(section, Optional.empty(), Optional.empty()));
            case EARNINGS -> market.<Node>map(this::earningsView)
                    .orElseGet(() -> new EmptyStateView(section, Optional.empty(), Optional.empty()));
            case VENDING -> model.pairedBoxes().first().isEmpty()
                    ? new EmptyStateView(section, Optional.of(() -> model.show(Section.PAIR)), Optional.of(Strings.get("empty.action.PAIR")))
                    : market.<Node>map(open -> vendingView(open, model.pairedBoxes().first().get()))
                    .orElseGet(() -> new EmptyStateView(Section.STORE, Optional.empty(), Optional.empty()));
            default -> new EmptyStateView(section, Optional.empty(), Optional.empty());
        };
    }

    private Node vendingView(Marketplace market, PairedBoxes.PairedBox paired) {
        vending = new VendingViewModel(model.app().tasks(), market, () -> {
            BoxConnector.Connection connection = BoxConnector.connect(paired.endpoints(), paired.box(), model.device(),
                    paired.relayPass());
            paired.token().ifPresent(connection.client()::withToken);
            return connection.client();
        });
        VendingView view = new VendingView(vending);
        vending.reload();
        return view;
    }

    private Node earningsView(Marketplace market) {
        EarningsViewModel earnings = new EarningsViewModel(model.app().tasks(), market, Clock.systemUTC());
        EarningsView view = new EarningsView(earnings, () -> model.exportFolder().resolve("frontdoor-sales-"
                + java.time.LocalDate.now(Clock.systemUTC()) + ".csv"));
        earnings.reload();
        return view;
    }

    private Node shelfView(Section section, Marketplace market) {
        boolean store = section == Section.STORE;
        shelf = (store ? StoreViewModel.store(model.app().tasks(), market) : StoreViewModel.library(model.app().tasks(), market))
                .lookingAgainEvery(StoreViewModel.LOOK_AGAIN);
        StoreViewModel opened = shelf;
        StoreView view = new StoreView(opened, store ? StoreView.Mode.STORE : StoreView.Mode.LIBRARY,
                offer -> buy(market, offer, getCenter()), offer -> play(market, offer), () -> model.show(Section.STORE));
        opened.reload();
        return view;
    }

    /** @param back where Cancel and Close return to */
    private void buy(Marketplace market, Offer offer, Node back) {
        BuyViewModel buying = new BuyViewModel(model.app().tasks(), market, offer, BUY_POLL, BUY_PATIENCE);
        setCenter(new BuyView(buying, () -> setCenter(back), () -> model.show(Section.LIBRARY)));
        buying.prepare();
    }

    private void play(Marketplace market, Offer offer) {
        PlayerViewModel playing = new PlayerViewModel(model.app().tasks(), market, offer, model.keys(), model.identityFolder());
        Node before = getCenter();
        setCenter(new PlayerView(playing, () -> setCenter(before), refused -> buy(market, offer, before)));
        playing.start();
    }
}
