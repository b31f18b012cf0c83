package org.elastos.frontdoor.box.shop;

import org.elastos.frontdoor.box.BoxFolders;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.ContractCall;
import org.elastos.frontdoor.market.Listing;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.media.FilmPackager;
import org.elastos.frontdoor.media.FilmRefusedException;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.hostkey.HostKey;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * The box's files and folders as vending machines: what turning a switch on or off does, step by step, for the
 * command line and the screens alike. Turning one on packages the item on the box (a film for the player, anything
 * else sealed as a copy, ADR 0016), then lists it on chain, then signs it as listed; a stop between the two is settled
 * by {@link HalfMadeMachines}. Turning it off pauses the listing on chain: nobody new can buy, and whoever bought
 * keeps their licenses. Turning it on again resumes the same machine, at the price asked.
 */
public final class VendingMachines {
    /** What a buyer gets. */
    public enum Delivery { WATCH, DOWNLOAD }

    private final Path data;
    private final Shop shop;
    private final BoxFolders folders;
    private final Clock clock;

    private VendingMachines(Path data, Shop shop, BoxFolders folders, Clock clock) {
        this.data = data;
        this.shop = shop;
        this.folders = folders;
        this.clock = clock;
    }

    /** The machines of the box whose folder is {@code data}. */
    public static VendingMachines of(Path data, HostKey box, Clock clock) throws IOException {
        return new VendingMachines(data, Shop.in(data, box), new BoxFolders(data), clock);
    }

    /** The machines of the box whose folder is {@code data}, kept in {@code shop} (the running box's own). */
    public static VendingMachines over(Path data, Shop shop, BoxFolders folders, Clock clock) {
        return new VendingMachines(data, shop, folders, clock);
    }

    public Shop shop() {
        return shop;
    }

    /** The machine selling the box path {@code source} (like {@code Photos/Summer}), if one was made and listed. */
    public Optional<Shop.Machined> machineFor(String source) throws IOException {
        return shop.machineFor(normal(source)).filter(machined -> !machined.halfMade());
    }

    /**
     * Checks, before any work, that {@code source} can be sold that way.
     *
     * @throws IllegalArgumentException when the path is not in the box's folders, or a folder is asked to be watched
     * @throws java.nio.file.NoSuchFileException when it names nothing
     */
    public void check(String source, Delivery delivery) throws IOException {
        String path = normal(source);
        Path file = folders.resolve(path);
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(path);
        }
        if (delivery == Delivery.WATCH && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(path + " is a folder: a folder is sold as a copy to download");
        }
    }

    /**
     * The first step of turning a switch on: packages {@code source} into the shop, to be sold on {@code where} by
     * {@code seller}. {@code progress} hears the fraction done.
     *
     * @throws IllegalArgumentException when the path is not in the box's folders, or a folder is asked to be watched
     * @throws FilmRefusedException     when a file to watch is not a film ffmpeg can read
     */
    public StoreItem make(String source, Delivery delivery, String title, StoreItem.Listed where, EvmAddress seller,
                          DoubleConsumer progress) throws IOException, FilmRefusedException, InterruptedException {
        String path = normal(source);
        Path file = folders.resolve(path);
        Machine machine = new Machine(path, seller, clock.instant());
        String name = title.isBlank() ? file.getFileName().toString() : title;
        check(path, delivery);
        if (delivery == Delivery.WATCH) {
            return shop.addFilm(file, name, "", Optional.empty(), Optional.of(where), Optional.of(machine), new FilmPackager(),
                    progress::accept);
        }
        long total = Math.max(1, Files.isRegularFile(file) ? Files.size(file) : shop.sizeOf(file));
        return shop.addDownload(file, name, "", Optional.of(where), Optional.of(machine),
                done -> progress.accept(Math.min(1.0, (double) done / total)));
    }

    /** The call that lists a newly made item at {@code price}, naming its metadata URI. */
    public ContractCall listing(Market market, StoreItem item, BigInteger price) {
        return market.list(ContentId.of(item.contentId()), price, item.metadataUri());
    }

    /** The last step of turning a switch on: the entry is signed as listed by {@code seller}, and the box learns the chain. */
    public StoreItem listed(StoreItem item, EvmAddress seller, URI rpcUrl) throws IOException {
        StoreItem.Listed where = item.listing().orElseThrow(() -> new IllegalStateException(item.contentIdHex()
                + " was made without saying where it is sold"));
        StoreItem listed = shop.listed(item.contentId(), new StoreItem.Listed(where.chainId(), where.market(), seller));
        new BoxChains(data).remember(where.chainId(), rpcUrl);
        return listed;
    }

    /** The calls that make a listed machine sell at {@code price} again: resume it, reprice it, both or neither. */
    public List<ContractCall> resume(Market market, Listing listing, BigInteger price) {
        List<ContractCall> calls = new ArrayList<>();
        if (!listing.price().equals(price)) {
            calls.add(market.setPrice(listing.contentId(), price));
        }
        if (!listing.forSale()) {
            calls.add(market.setForSale(listing.contentId(), true));
        }
        return calls;
    }

    /** The call that pauses a machine, if it is for sale. */
    public Optional<ContractCall> pause(Market market, Listing listing) {
        return listing.forSale() ? Optional.of(market.setForSale(listing.contentId(), false)) : Optional.empty();
    }

    private static String normal(String source) {
        String path = source.replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }
}
