package org.elastos.frontdoor.tests;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.elastos.frontdoor.app.DemoMarket;
import org.elastos.frontdoor.app.FrontDoorApp;
import org.elastos.frontdoor.box.HomeBox;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.relay.CarrierRelay;
import org.elastos.frontdoor.link.relay.RelayLimits;
import org.elastos.frontdoor.views.AppView;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.capsule.CapsuleBundle;
import org.elastos.frontdoor.capsule.CapsuleHost;
import org.elastos.frontdoor.capsule.CapsuleLimits;
import org.elastos.frontdoor.capsule.Grant;
import org.elastos.frontdoor.capsule.InstalledCapsules;
import org.elastos.frontdoor.capsule.LoadedCapsule;
import org.elastos.frontdoor.capsule.TrustStore;
import org.elastos.frontdoor.installers.ReleaseManifest;
import org.elastos.frontdoor.views.FxTaskRunner;
import org.elastos.frontdoor.views.player.PlayerView;
import org.elastos.frontdoor.views.release.VerifyDownloadView;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;
import org.elastos.frontdoor.wallet.vault.IdentityDirectory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Walks the real app, in a real window on an X display (Xvfb), through every screen and takes a screenshot of
 * each with ImageMagick's {@code import}. Run by {@code docs/screenshots/take.sh}; not a test.
 */
public final class ScreenshotTour {
    private static Scene scene;
    private static Stage stage;
    private static Path out;

    public static void main(String[] args) {
        try {
            tour(Path.of(args[0]));
            Platform.exit();
            System.exit(0);
        } catch (Exception | Error e) {
            // The JavaFX thread would keep the JVM alive: say what broke and stop.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void tour(Path outDir) throws Exception {
        out = Files.createDirectories(outDir);
        Path data = Files.createTempDirectory("frontdoor-tour-");
        Path boxData = Files.createTempDirectory("frontdoor-tour-box-");
        CarrierRelay relay = CarrierRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), RelayLimits.DEFAULT);
        HomeBox box = HomeBox.start(boxData, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.of(relay.address()),
                Clock.systemUTC());
        Files.write(boxData.resolve("Films").resolve("Sintel (2010).mp4"), new byte[3 * 1024 * 1024]);
        Files.write(boxData.resolve("Films").resolve("Big Buck Bunny.mp4"), new byte[5 * 1024 * 1024]);
        Files.createDirectories(boxData.resolve("Films").resolve("Holidays"));
        Path qr = box.writePairingQr(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME));
        DemoMarket market = DemoMarket.start(data, relay.address(), Path.of("target", "demo-cache"), DemoMarket.FILM_SECONDS,
                line -> System.out.println("demo: " + line)).orElseThrow();
        if (!market.awaitStocked(java.time.Duration.ofMinutes(10))) {
            throw new IllegalStateException("the demo films were not on sale within 10 minutes");
        }
        Platform.startup(() -> { });
        onFx(() -> {
            AppViewModel model = new AppViewModel(new IdentityDirectory(data), new FxTaskRunner());
            FrontDoorApp.prepare(model, data, Optional.of("127.0.0.1:" + relay.address().getPort()), Optional.of(market::fund));
            model.start();
            stage = new Stage(StageStyle.UNDECORATED);
            scene = new AppView(model, () -> Optional.of(qr)).scene();
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            return null;
        });
        shot("01-welcome");
        click("#create-identity");
        shot("02-recovery-phrase");
        List<String> words = onFx(() -> {
            List<String> shown = new ArrayList<>();
            for (int i = 1; i <= 24; i++) {
                shown.add(((Label) scene.lookup("#phrase-word-" + i)).getText());
            }
            return shown;
        });
        click("#words-written");
        waitFor("#confirm-word-2");
        for (int i = 0; i < 3; i++) {
            int index = i;
            onFx(() -> {
                TextInputControl field = (TextInputControl) scene.lookup("#confirm-word-" + index);
                int position = Integer.parseInt(field.getPromptText().replaceAll("\\D", ""));
                field.setText(index == 2 ? "" : words.get(position - 1));
                return null;
            });
        }
        shot("03-confirm-words");
        click("#onboarding-back");
        click("#onboarding-back");
        click("#restore-identity");
        type("#restore-input", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon ab");
        shot("04-restore-with-suggestions");
        type("#restore-input", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
        shot("05-restore-valid");
        click("#restore-continue");
        type("#password", "Front-door 2026");
        type("#password-again", "Front-door 2026");
        shot("06-password");
        click("#create-vault");
        waitFor("#finish-onboarding");
        shot("07-done");
        click("#finish-onboarding");
        shot("08-home");
        installSampleCapsule(data);
        click("#nav-pair");
        shot("09-pair");
        click("#pair-choose");
        waitFor("#pair-confirm");
        shot("09-pair-confirm");
        click("#pair-confirm");
        waitForVisible("#pair-open-home");
        shot("09-pair-done");
        click("#pair-open-home");
        waitForPrefix("#home-box-status", "Online");
        onFx(() -> {
            ((ScrollPane) scene.lookup("#home")).setVvalue(1.0);
            return null;
        });
        shot("08-home-box");
        click("#box-devices");
        waitFor("#device-0");
        shot("08-devices");
        click("#devices-back");
        waitForPrefix("#home-box-status", "Online");
        onFx(() -> {
            ((ScrollPane) scene.lookup("#home")).setVvalue(1.0);
            return null;
        });
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<BoxClient.Entry> entries = (ListView<BoxClient.Entry>) scene.lookup("#box-entries");
            entries.getSelectionModel().select(2);
            entries.requestFocus();
            return null;
        });
        onFx(() -> {
            scene.lookup("#box-entries").fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
            return null;
        });
        waitForPrefix("#box-folder", "/Films");
        Thread.sleep(500);
        shot("08-home-box-films");
        for (String section : List.of("vending", "settings")) {
            click("#nav-" + section);
            shot("09-" + section);
        }
        scrollTo("#capsules");
        shot("09-settings-capsules");
        click("#capsules-revoke-hello-folder-read");
        click("#capsules-run-hello");
        waitFor("#capsules-ask");
        scrollTo("#capsules-ask");
        shot("09-settings-capsule-asks");
        click("#capsules-allow");
        waitForText("#capsules-result");
        Path release = Files.createTempDirectory("frontdoor-tour-release-");
        Path installer = Files.writeString(release.resolve("elastos-frontdoor_0.2.0-1_amd64.deb"), "installer bytes");
        char[] publisherPassword = "publisher password".toCharArray();
        Vault.at(release.resolve("publisher")).create(RecoveryPhrase.parse(
                "legal winner thank year wave sausage worth useful legal winner thank yellow"), "", publisherPassword);
        Signer publisher = Wallet.open(Vault.at(release.resolve("publisher"))).unlock(publisherPassword);
        Path manifest = Files.writeString(release.resolve("release-manifest.json"),
                ReleaseManifest.sign(publisher, "0.2.0", List.of(installer), Instant.now()).toJsonString());
        onFx(() -> {
            ((VerifyDownloadView) scene.lookup("#verify-download")).accept(List.of(installer, manifest));
            return null;
        });
        type("#verify-publisher", publisher.did().value());
        click("#verify-run");
        waitForText("#verify-result");
        onFx(() -> {
            ((ScrollPane) scene.lookup("#settings")).setVvalue(1.0);
            return null;
        });
        shot("09-settings-verify-download");
        click("#nav-lock");
        shot("10-lock");
        type("#unlock-password", "wrong password");
        click("#unlock");
        waitForText("#unlock-error");
        Thread.sleep(800);
        shot("11-lock-wrong-password");
        type("#unlock-password", "Front-door 2026");
        click("#unlock");
        waitFor("#home");
        filmJourney();
        earnings(boxData, market);
        vending(boxData);
        click("#nav-settings");
        click("#settings-dark");
        click("#nav-home");
        shot("12-home-dark");
        click("#nav-store");
        waitForCard("Into the Mandelbrot set");
        shot("15-store-dark");
        clickCard("Into the Mandelbrot set");
        click("#offer-play");
        waitForPlaying();
        shot("15-player-dark");
        click("#player-back");
        click("#nav-vending");
        waitForShown("#vending-rows");
        click("#vending-open-documents");
        waitForShown("#vending-switch-garden-plan-txt");
        shot("19-vending-dark");
        click("#nav-home");
        phone(() -> {
            click("#nav-store");
            waitForCard("Into the Mandelbrot set");
            shot("16-phone-store-dark");
            click("#nav-earnings");
            waitForShown("#earnings-withdraw");
            shot("18-phone-earnings-dark");
            click("#nav-vending");
            waitForShown("#vending-rows");
            click("#vending-open-photos");
            waitForShown("#vending-switch-summer");
            shot("19-phone-vending-dark");
        });
        market.close();
        relay.close();
    }

    /**
     * Earnings, once the identity's own box sells two machines (a photo folder and a recipe file, sealed copies) that
     * four demo accounts bought, one after a quarter of the photos' royalty shares went to a partner.
     */
    private static void earnings(Path boxData, DemoMarket market) throws Exception {
        Path summer = Files.createDirectories(boxData.resolve("Photos").resolve("Summer"));
        for (int i = 1; i <= 3; i++) {
            java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
            javax.imageio.ImageIO.write(picture, "png", summer.resolve("Beach " + i + ".png").toFile());
        }
        Files.writeString(boxData.resolve("Documents").resolve("Recipes.txt"), "Bread: flour, water, salt, time.\n");
        char[] password = "tour seller".toCharArray();
        Path vault = Files.createTempDirectory("frontdoor-tour-seller-").resolve("vault");
        Vault.at(vault).create(RecoveryPhrase.parse(
                "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"), "", password);
        Signer owner = Wallet.open(Vault.at(vault)).unlock(password);
        org.elastos.frontdoor.market.EvmRpc rpc = market.chain().rpc();
        org.elastos.frontdoor.market.Market onChain = org.elastos.frontdoor.market.Market.on(rpc);
        org.elastos.frontdoor.box.shop.VendingMachines machines = org.elastos.frontdoor.box.shop.VendingMachines.of(boxData,
                org.elastos.frontdoor.wallet.hostkey.HostKey.loadOrCreate(boxData.resolve("box.key"), new java.security.SecureRandom()),
                Clock.systemUTC());
        org.elastos.frontdoor.link.StoreItem.Listed where = new org.elastos.frontdoor.link.StoreItem.Listed(rpc.chain().chainId(), onChain.contract());
        org.elastos.frontdoor.market.Transactions sends = new org.elastos.frontdoor.market.Transactions(rpc, owner);
        List<org.elastos.frontdoor.market.ContentId> sold = new ArrayList<>();
        for (String[] machine : new String[][] {{"Photos/Summer", "Summer photos", "0.8"}, {"Documents/Recipes.txt", "Grandma's recipes", "0.3"}}) {
            org.elastos.frontdoor.link.StoreItem item = machines.make(machine[0], org.elastos.frontdoor.box.shop.VendingMachines.Delivery.DOWNLOAD,
                    machine[1], where, owner.evmAddress(), fraction -> { });
            sends.submit(machines.listing(onChain, item, org.elastos.frontdoor.market.Coin.ELA.parse(machine[2])));
            machines.listed(item, owner.evmAddress(), rpc.chain().rpcUrl());
            sold.add(org.elastos.frontdoor.market.ContentId.of(item.contentId()));
        }
        List<EvmAddress> buyers = rpc.nodeAccounts();
        buy(rpc, onChain, buyers.get(3), sold.get(0));
        buy(rpc, onChain, buyers.get(4), sold.get(1));
        sends.submit(onChain.transferShares(owner.evmAddress(), buyers.get(9), sold.get(0),
                org.elastos.frontdoor.market.RoyaltyShares.parse("25%")));
        buy(rpc, onChain, buyers.get(5), sold.get(0));
        buy(rpc, onChain, buyers.get(6), sold.get(1));
        click("#nav-earnings");
        waitForShown("#earnings-withdraw");
        Thread.sleep(500);
        shot("18-earnings");
        click("#earnings-withdraw");
        waitForShown("#earnings-withdraw-confirm");
        shot("18-earnings-withdraw");
        scrollTo("#earnings", "#earnings-machines");
        shot("18-earnings-machines-and-sales");
        click("#earnings-withdraw-cancel");
        String photos = sold.get(0).hex().substring(2, 10);
        click("#earnings-give-" + photos);
        type("#earnings-give-to-" + photos, buyers.get(8).value());
        type("#earnings-give-shares-" + photos, "100");
        click("#earnings-give-quote-" + photos);
        waitForShown("#earnings-give-confirm");
        scrollTo("#earnings", "#earnings-give-status");
        shot("18-earnings-give-shares");
        click("#earnings-give-cancel");
        phone(() -> {
            click("#nav-earnings");
            waitForShown("#earnings-withdraw");
            shot("18-phone-earnings");
        });
    }

    /**
     * Vending machines on the identity's own box: the photo folder for sale and sold, then a new file put up for sale
     * from its switch (price and delivery, the fee, the receipt).
     */
    private static void vending(Path boxData) throws Exception {
        Files.writeString(boxData.resolve("Documents").resolve("Garden plan.txt"), "Tomatoes by the wall, beans by the gate.\n");
        click("#nav-vending");
        waitForShown("#vending-rows");
        click("#vending-open-photos");
        waitForShown("#vending-switch-summer");
        shot("19-vending");
        click("#vending-up");
        waitForShown("#vending-open-documents");
        click("#vending-open-documents");
        waitForShown("#vending-switch-garden-plan-txt");
        click("#vending-switch-garden-plan-txt");
        waitForShown("#vending-price-garden-plan-txt");
        type("#vending-price-garden-plan-txt", "0.4");
        shot("19-vending-sell");
        click("#vending-sell-garden-plan-txt");
        waitForShown("#vending-confirm");
        shot("19-vending-fee");
        click("#vending-confirm");
        waitForShown("#vending-dismiss");
        waitForPrefix("#vending-status-garden-plan-txt", "Download");
        shot("19-vending-listed");
        click("#vending-dismiss");
        click("#nav-home");
        phone(() -> {
            click("#nav-vending");
            waitForShown("#vending-rows");
            click("#vending-open-documents");
            waitForShown("#vending-switch-garden-plan-txt");
            shot("19-phone-vending");
        });
    }

    private static void buy(org.elastos.frontdoor.market.EvmRpc rpc, org.elastos.frontdoor.market.Market market, EvmAddress buyer,
                            org.elastos.frontdoor.market.ContentId item) {
        org.elastos.frontdoor.market.ContractCall call = market.buyAccess(item, market.listing(item).orElseThrow().price());
        rpc.sendFromNodeAccount(buyer, Optional.of(call.to()), call.value(), call.data());
    }

    /** The Store, Buy, Library and the Player, at a desktop's size and a phone's (390 x 844), in the light theme. */
    private static void filmJourney() throws Exception {
        click("#nav-store");
        waitForCard("Into the Mandelbrot set");
        shot("15-store");
        clickCard("Into the Mandelbrot set");
        shot("15-store-detail");
        click("#offer-play");
        waitForPrefix("#player-message", "You don't own");
        shot("15-player-not-owned");
        click("#player-buy");
        waitForShown("#buy-confirm");
        shot("15-buy-quote");
        click("#buy-confirm");
        waitForPrefix("#buy-status", "Confirmations");
        shot("15-buy-confirming");
        waitForShown("#buy-to-library");
        shot("15-buy-receipt");
        click("#buy-to-library");
        waitForCard("Into the Mandelbrot set");
        shot("15-library");
        clickCard("Into the Mandelbrot set");
        click("#offer-play");
        waitForPlaying();
        Thread.sleep(2500);
        shot("15-player");
        click("#player-back");
        phone(() -> {
            click("#nav-store");
            waitForCard("Into the Mandelbrot set");
            shot("16-phone-store");
            clickCard("Into the Mandelbrot set");
            shot("16-phone-store-detail");
            click("#offer-buy");
            waitForShown("#buy-confirm");
            shot("16-phone-buy-quote");
            click("#buy-cancel");
            click("#nav-library");
            waitForCard("Into the Mandelbrot set");
            clickCard("Into the Mandelbrot set");
            click("#offer-play");
            waitForPlaying();
            Thread.sleep(2500);
            shot("16-phone-player");
            click("#player-back");
        });
    }

    private interface Steps {
        void run() throws Exception;
    }

    /** Runs {@code steps} with the window at a phone's size, then puts it back. */
    private static void phone(Steps steps) throws Exception {
        double[] before = onFx(() -> new double[] {stage.getWidth(), stage.getHeight()});
        onFx(() -> {
            stage.setWidth(390);
            stage.setHeight(844);
            return null;
        });
        try {
            steps.run();
        } finally {
            onFx(() -> {
                stage.setWidth(before[0]);
                stage.setHeight(before[1]);
                return null;
            });
        }
    }

    private static Optional<Node> card(String title) {
        return scene.getRoot().lookupAll(".offer-card").stream()
                .filter(node -> node.getAccessibleText() != null && node.getAccessibleText().startsWith(title + ", ")
                        && node.getAccessibleText().contains(":"))
                .findFirst();
    }

    private static void waitForCard(String title) throws Exception {
        for (int i = 0; i < 300 && !onFx(() -> card(title).isPresent()); i++) {
            Thread.sleep(100);
        }
    }

    private static void clickCard(String title) throws Exception {
        waitForCard(title);
        onFx(() -> {
            card(title).orElseThrow().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
            return null;
        });
    }

    private static void waitForPlaying() throws Exception {
        for (int i = 0; i < 300 && !onFx(() -> scene.lookup("#player") instanceof PlayerView player
                && player.mediaPlayer() != null && player.mediaPlayer().getCurrentTime().toSeconds() > 0.5); i++) {
            Thread.sleep(100);
        }
    }

    /** The sample capsule, installed, its publisher trusted, and run once, so the capsules card has something to show. */
    private static void installSampleCapsule(Path data) throws Exception {
        Path sample = Path.of("capsule-sandbox", "samples", "hello.capsule");
        CapsuleBundle bundle = CapsuleBundle.read(Files.readAllBytes(sample));
        AuditLog audit = new AuditLog(data.resolve("capsule-audit.jsonl"), Clock.systemUTC());
        TrustStore trust = new TrustStore(data.resolve("trusted-publishers"));
        trust.trust(CapsuleHost.verify(bundle).publisher());
        List<Grant> grants = List.of(Grant.of("log"), new Grant("folder.read", Map.of("folder", "Films")));
        new InstalledCapsules(data.resolve("capsules"), audit).install(bundle, grants);
        Files.createDirectories(data.resolve("Films"));
        Files.writeString(data.resolve("Films").resolve("welcome.txt"), "Welcome to your films.");
        try (LoadedCapsule hello = new CapsuleHost(trust, audit, data, CapsuleLimits.DEVICE_MAXIMUM).load(bundle, grants)) {
            hello.call("run");
        }
    }

    private static void scrollTo(String id) throws Exception {
        scrollTo("#settings", id);
    }

    /** Scrolls the scroll pane {@code pane} until {@code id} is near its top. */
    private static void scrollTo(String pane, String id) throws Exception {
        onFx(() -> {
            ScrollPane scroll = (ScrollPane) scene.lookup(pane);
            Node target = scene.lookup(id);
            double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double y = target.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            scroll.setVvalue(Math.max(0, Math.min(1, (y - 20) / Math.max(1, contentHeight - viewport))));
            return null;
        });
    }

    private static void shot(String name) throws Exception {
        Thread.sleep(700);
        String size = onFx(() -> (int) stage.getWidth() + "x" + (int) stage.getHeight() + "+0+0");
        Process importer = new ProcessBuilder("import", "-window", "root", "-crop", size, out.resolve(name + ".png").toString())
                .inheritIO().start();
        if (!importer.waitFor(30, TimeUnit.SECONDS) || importer.exitValue() != 0) {
            throw new IllegalStateException("ImageMagick import failed for " + name);
        }
    }

    private static void click(String id) throws Exception {
        waitFor(id);
        onFx(() -> {
            ((ButtonBase) scene.lookup(id)).fire();
            return null;
        });
    }

    private static void type(String id, String text) throws Exception {
        waitFor(id);
        onFx(() -> {
            TextInputControl field = (TextInputControl) scene.lookup(id);
            field.setText(text);
            field.requestFocus();
            field.positionCaret(text.length());
            return null;
        });
    }

    private static void waitFor(String id) throws Exception {
        for (int i = 0; i < 300 && !onFx(() -> scene.lookup(id) != null); i++) {
            Thread.sleep(100);
        }
    }

    private static void waitForVisible(String id) throws Exception {
        for (int i = 0; i < 300 && !onFx(() -> scene.lookup(id) != null && scene.lookup(id).isVisible()); i++) {
            Thread.sleep(100);
        }
    }

    /** Until the node and every node around it are visible: a person could see it. */
    private static void waitForShown(String id) throws Exception {
        for (int i = 0; i < 600 && !onFx(() -> {
            for (Node at = scene.lookup(id); at != null; at = at.getParent()) {
                if (!at.isVisible()) {
                    return false;
                }
            }
            return scene.lookup(id) != null;
        }); i++) {
            Thread.sleep(100);
        }
    }

    private static void waitForPrefix(String id, String prefix) throws Exception {
        for (int i = 0; i < 300 && !onFx(() -> scene.lookup(id) != null && ((Label) scene.lookup(id)).getText().startsWith(prefix)); i++) {
            Thread.sleep(100);
        }
    }

    private static void waitForText(String id) throws Exception {
        for (int i = 0; i < 300 && onFx(() -> ((Label) scene.lookup(id)).getText().isEmpty()); i++) {
            Thread.sleep(100);
        }
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
