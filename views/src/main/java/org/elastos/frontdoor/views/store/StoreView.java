package org.elastos.frontdoor.views.store;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Store and the Library: a search field and a card per offer (poster, title, length, price, and what is known of
 * its seller's box), and a detail view. Cards are buttons, so a tap, a click, Tab and Enter all open one; Esc goes
 * back from a detail. All state lives in {@link StoreViewModel}.
 */
public final class StoreView extends StackPane {
    /** What the detail view offers to do with an offer. */
    public enum Mode { STORE, LIBRARY }

    private static final double CARD_WIDTH = 240;
    private static final double DETAIL_POSTER_WIDTH = 420;

    private final StoreViewModel model;
    private final Mode mode;
    private final Consumer<Offer> buy;
    private final Consumer<Offer> play;
    private final FlowPane cards = new FlowPane(16, 16);
    private final ScrollPane list;

    /**
     * @param buy  opens the purchase of an offer (the Store's detail offers it)
     * @param play opens the player on an offer (both details offer it: the player says when it is not owned yet)
     */
    public StoreView(StoreViewModel model, Mode mode, Consumer<Offer> buy, Consumer<Offer> play, Runnable emptyAction) {
        this.model = model;
        this.mode = mode;
        this.buy = buy;
        this.play = play;
        String key = mode == Mode.STORE ? "store" : "library";
        setId(key);
        cards.setRowValignment(VPos.TOP);

        TextField search = new TextField();
        search.setId(key + "-search");
        search.setPromptText(Strings.get("store.search"));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setMaxWidth(520);

        Label body = Widgets.body("");
        body.textProperty().bind(Bindings.createStringBinding(() -> Strings.get(key + ".body", model.chainNameProperty().get()),
                model.chainNameProperty()));
        body.visibleProperty().bind(model.chainNameProperty().isNotEmpty());
        body.managedProperty().bind(body.visibleProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        Label loading = Widgets.styled(new Label(Strings.get(mode == Mode.STORE ? "store.loading" : "library.loading")), "muted");
        HBox loadingRow = new HBox(10, spinner, loading);
        loadingRow.setAlignment(Pos.CENTER_LEFT);
        loadingRow.visibleProperty().bind(model.stateProperty().isEqualTo(StoreViewModel.State.LOADING));
        loadingRow.managedProperty().bind(loadingRow.visibleProperty());

        Label error = Widgets.styled(new Label(), "error");
        error.setId(key + "-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        Button retry = Widgets.button(key + "-retry", Strings.get("store.retry"), model::reload);
        VBox failed = new VBox(10, error, retry);
        failed.visibleProperty().bind(model.stateProperty().isEqualTo(StoreViewModel.State.FAILED));
        failed.managedProperty().bind(failed.visibleProperty());

        Label empty = Widgets.styled(new Label(), "muted");
        empty.setId(key + "-empty");
        empty.setWrapText(true);
        Button emptyButton = Widgets.primary(key + "-empty-action", Strings.get("library.to-store"), emptyAction);
        VBox emptyBox = new VBox(12, empty);
        if (mode == Mode.LIBRARY) {
            emptyBox.getChildren().add(emptyButton);
        }
        Runnable refreshEmpty = () -> {
            boolean ready = model.stateProperty().get() == StoreViewModel.State.READY;
            boolean none = model.offers().isEmpty();
            String query = model.searchProperty().get();
            empty.setText(none ? Strings.get(mode == Mode.STORE ? "store.none" : "library.none")
                    : Strings.get("store.no-match", query == null ? "" : query.strip()));
            emptyBox.setVisible(ready && model.shown().isEmpty());
            emptyBox.setManaged(emptyBox.isVisible());
        };
        model.shown().addListener((ListChangeListener<Offer>) change -> {
            boolean inPlace = true;
            while (change.next()) {
                inPlace &= change.wasReplaced() && change.getAddedSize() == change.getRemovedSize()
                        && cards.getChildren().size() == model.shown().size();
                if (inPlace) {
                    // A seller's box answered: only its card changes, so focus and scrolling stay where they were.
                    for (int i = change.getFrom(); i < change.getTo(); i++) {
                        boolean focused = cards.getChildren().get(i).isFocused();
                        Node fresh = card(model.shown().get(i));
                        cards.getChildren().set(i, fresh);
                        if (focused) {
                            fresh.requestFocus();
                        }
                    }
                }
            }
            if (!inPlace) {
                fillCards();
            }
            refreshEmpty.run();
        });
        model.stateProperty().addListener((obs, old, state) -> refreshEmpty.run());
        refreshEmpty.run();
        fillCards();

        VBox page = new VBox(16, Widgets.title(Strings.get(key + ".title")), body, search, loadingRow, failed, emptyBox, cards);
        page.getStyleClass().add("page");
        list = new ScrollPane(page);
        list.setFitToWidth(true);
        getChildren().add(list);

        model.selectedProperty().addListener((obs, old, offer) -> {
            getChildren().setAll(offer == null ? list : detail(offer));
            if (offer == null) {
                cards.getChildren().stream().filter(node -> node.getId().equals(cardId(old))).findFirst().ifPresent(Node::requestFocus);
            }
        });
        setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE && model.selectedProperty().get() != null) {
                model.selectedProperty().set(null);
                event.consume();
            }
        });
    }

    private static String cardId(Offer offer) {
        return offer == null ? "" : "offer-" + offer.listing().contentId().hex().substring(2, 14);
    }

    private void fillCards() {
        cards.getChildren().clear();
        for (Offer offer : model.shown()) {
            cards.getChildren().add(card(offer));
        }
    }

    private Node card(Offer offer) {
        Label title = Widgets.styled(new Label(offer.title()), "offer-title");
        title.setWrapText(true);
        title.setPrefWidth(CARD_WIDTH);
        title.setMaxWidth(CARD_WIDTH);
        String facts = offer.duration().isEmpty() ? model.price(offer) : offer.duration() + "  \u00b7  " + model.price(offer);
        Label price = Widgets.styled(new Label(facts), "offer-facts");
        VBox card = new VBox(8, poster(offer, CARD_WIDTH), title, price);
        sellerNote(offer).ifPresent(card.getChildren()::add);
        card.setPrefWidth(CARD_WIDTH + 24);
        card.setMaxWidth(CARD_WIDTH + 24);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setId(cardId(offer));
        card.getStyleClass().setAll("offer-card");
        // A card is a button to people and to assistive technology: a click or a tap, or Enter or Space once focused.
        card.setFocusTraversable(true);
        card.setAccessibleRole(AccessibleRole.BUTTON);
        card.setAccessibleText(offer.title() + ", " + facts);
        card.setOnMouseClicked(event -> model.selectedProperty().set(offer));
        card.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.SPACE) {
                model.selectedProperty().set(offer);
                event.consume();
            }
        });
        return card;
    }

    private static Optional<Node> sellerNote(Offer offer) {
        if (offer.seller() == Offer.Seller.ONLINE) {
            return Optional.empty();
        }
        String key = offer.seller() == Offer.Seller.LOOKING ? "store.looking" : "store.seller." + offer.seller().name();
        Label note = Widgets.styled(new Label(Strings.get(key)), offer.seller() == Offer.Seller.LOOKING ? "muted" : "warning");
        note.setWrapText(true);
        return Optional.of(note);
    }

    private static Node poster(Offer offer, double width) {
        double height = Math.round(width * 9 / 16.0);
        StackPane frame = new StackPane();
        frame.getStyleClass().add("poster");
        frame.setPrefSize(width, height);
        frame.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        frame.setMaxSize(width, height);
        offer.poster().ifPresentOrElse(bytes -> {
            ImageView view = new ImageView(new Image(new ByteArrayInputStream(bytes), width * 2, height * 2, true, true));
            view.setFitWidth(width);
            view.setFitHeight(height);
            view.setPreserveRatio(true);
            frame.getChildren().add(view);
        }, () -> frame.getChildren().add(Widgets.styled(new Label(offer.shortId()), "muted")));
        return frame;
    }

    private Node detail(Offer offer) {
        Button back = Widgets.link("offer-back", "\u2190 " + Strings.get("store.back"), () -> model.selectedProperty().set(null));
        Label title = Widgets.title(offer.title());
        title.setWrapText(true);
        VBox facts = new VBox(8);
        offer.item().ifPresent(item -> {
            if (!item.description().isBlank()) {
                facts.getChildren().add(Widgets.body(item.description()));
            }
            item.watch().ifPresent(film -> facts.getChildren().add(fact(Strings.get("store.duration"), offer.duration()
                    + "  \u00b7  " + Strings.get("store.size", film.width(), film.height()))));
            item.download().ifPresent(copy -> facts.getChildren().add(fact(Strings.get("store.copy"),
                    Strings.get(copy.folder() ? "store.copy.folder" : "store.copy.file", copy.entries(), megabytes(copy.bytes())))));
        });
        facts.getChildren().add(fact(Strings.get("store.price"), model.price(offer)));
        String seller = offer.item().map(StoreItem::box).map(box -> box.fingerprint()).orElse(offer.listing().seller().value());
        facts.getChildren().add(Widgets.styled(new Label(Strings.get("store.seller", seller)), "muted"));
        sellerNote(offer).ifPresent(facts.getChildren()::add);

        Button playIt = Widgets.button("offer-play", Strings.get("library.play"), () -> play.accept(offer));
        Button main = playIt;
        double wide = Math.min(DETAIL_POSTER_WIDTH, Math.max(CARD_WIDTH, getWidth() - 48));
        HBox actions = new HBox(10);
        if (mode == Mode.STORE) {
            main = Widgets.primary("offer-buy", Strings.get("store.buy", model.price(offer)), () -> buy.accept(offer));
            actions.getChildren().add(main);
        } else {
            playIt.getStyleClass().add("primary");
        }
        boolean toWatch = offer.item().map(item -> item.watch().isPresent()).orElse(true);
        if (toWatch) {
            actions.getChildren().add(playIt);
        } else if (mode != Mode.STORE) {
            // A copy to keep is saved, not played; saving it from the Library comes with the Vending machines screens.
            Label owned = Widgets.styled(new Label(Strings.get("library.copy-owned")), "muted");
            owned.setWrapText(true);
            actions.getChildren().add(owned);
            main = back;
        }
        Button focused = main;
        VBox text = new VBox(14, title, facts, actions);
        text.setPrefWidth(wide);
        HBox.setHgrow(text, Priority.ALWAYS);
        FlowPane body = new FlowPane(28, 20, poster(offer, wide), text);
        VBox page = new VBox(16, back, body);
        page.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("offer-detail");
        focused.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                focused.requestFocus();
            }
        });
        return scroll;
    }

    private static String megabytes(long bytes) {
        return new java.math.BigDecimal(bytes).divide(java.math.BigDecimal.valueOf(1_000_000), 1, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static Node fact(String key, String value) {
        Label name = Widgets.styled(new Label(key), "identity-key");
        Label text = Widgets.styled(new Label(value), "identity-value");
        text.setWrapText(true);
        return new HBox(12, name, text);
    }
}
