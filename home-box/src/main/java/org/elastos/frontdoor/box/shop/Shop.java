package org.elastos.frontdoor.box.shop;

import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.media.Film;
import org.elastos.frontdoor.media.FilmPackager;
import org.elastos.frontdoor.media.FilmRefusedException;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The box's shop window: {@code store/<content id>/}, each holding an encrypted film, its poster and its signed
 * catalog entry ({@code item.json}). An item appears whole or not at all (it is made beside the store and moved in),
 * and its content key is in {@link ContentKeys} before it appears. The running box reads the folder as it is asked,
 * so `frontdoor box film add` beside it shows at once.
 */
public final class Shop {
    private static final String ENTRY = "item.json";

    private final Path folder;
    private final HostKey box;
    private final ContentKeys keys;

    private Shop(Path data, HostKey box, ContentKeys keys) {
        this.folder = data.resolve("store");
        this.box = box;
        this.keys = keys;
    }

    /** The shop of the box whose folder is {@code data}, with its content keys. */
    public static Shop in(Path data, HostKey box) {
        return new Shop(data, box, ContentKeys.in(data));
    }

    ContentKeys keys() {
        return keys;
    }

    /** Every item's signed entry, in the order of their content ids; an unreadable one is left out. */
    public List<Envelope> catalog() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Envelope> entries = new ArrayList<>();
        try (Stream<Path> items = Files.list(folder)) {
            for (Path item : items.filter(p -> p.getFileName().toString().matches("0x[0-9a-f]{32}")).sorted().toList()) {
                read(item).ifPresent(entries::add);
            }
        }
        return entries;
    }

    public Optional<Envelope> entry(byte[] contentId) {
        return read(folder.resolve("0x" + HexFormat.of().formatHex(contentId)));
    }

    public Optional<StoreItem> item(byte[] contentId) {
        return entry(contentId).map(StoreItem::verify);
    }

    private Optional<Envelope> read(Path item) {
        Path entry = item.resolve(ENTRY);
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try {
            Envelope envelope = Envelope.read(entry);
            StoreItem.verify(envelope);
            return Optional.of(envelope);
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }

    /**
     * One of an item's files, if the item offers it.
     *
     * @throws NoSuchFileException when there is no such item or it offers no such file
     */
    public Path file(byte[] contentId, String name) throws NoSuchFileException {
        StoreItem item = item(contentId).orElseThrow(() -> new NoSuchFileException("no such item"));
        if (!item.offers(name)) {
            throw new NoSuchFileException("no such file of the item");
        }
        Path file = folder.resolve(item.contentIdHex()).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException("no such file of the item");
        }
        return file;
    }

    /**
     * Packages a film into the shop: a fresh content id and key, the film encrypted under it, a poster (the one given,
     * or a still ffmpeg takes), the entry signed. The key is stored before the item appears.
     *
     * @param soldOn where it will be listed, if known now: the film's own pssh box names it
     */
    public StoreItem addFilm(Path input, String title, String description, Optional<Path> poster,
                             Optional<StoreItem.Listed> soldOn, FilmPackager packager, FilmPackager.Progress progress)
            throws FilmRefusedException, IOException, InterruptedException {
        Files.createDirectories(folder);
        byte[] contentId = new byte[16];
        new SecureRandom().nextBytes(contentId);
        String id = "0x" + HexFormat.of().formatHex(contentId);
        byte[] key = keys.fresh();
        Path staging = folder.resolve("." + id + ".adding");
        try {
            Film film = packager.pack(input, staging, key, contentId, pssh(id, soldOn), progress);
            Path posterFile = staging.resolve("poster.jpg");
            if (poster.isPresent()) {
                Files.copy(poster.get(), posterFile);
            } else {
                packager.poster(input, posterFile);
            }
            List<String> files = new ArrayList<>(List.of(film.init()));
            film.segments().forEach(segment -> files.add(segment.file()));
            StoreItem item = new StoreItem(contentId, box.did(), title.strip(), description.strip(), film.durationSeconds(),
                    film.codecs(), film.width(), film.height(), film.hasAudio(), "poster.jpg", film.playlist(), files,
                    Optional.empty());
            keys.store(contentId, key);
            AtomicFile.write(staging.resolve(ENTRY), item.sign(box).toJsonString().getBytes(StandardCharsets.UTF_8));
            Files.move(staging, folder.resolve(id), StandardCopyOption.ATOMIC_MOVE);
            return item;
        } finally {
            Arrays.fill(key, (byte) 0);
            deleteTree(staging);
        }
    }

    /** Records where an item is sold, in its signed entry. */
    public StoreItem listed(byte[] contentId, StoreItem.Listed where) throws IOException {
        StoreItem item = item(contentId).orElseThrow(() -> new NoSuchFileException("no such item"));
        StoreItem listed = item.listedOn(where);
        AtomicFile.write(folder.resolve(item.contentIdHex()).resolve(ENTRY), listed.sign(box).toJsonString().getBytes(StandardCharsets.UTF_8));
        return listed;
    }

    /** What the film's own pssh box says: where to ask for its key. */
    private static byte[] pssh(String contentId, Optional<StoreItem.Listed> soldOn) {
        com.fasterxml.jackson.databind.node.ObjectNode data = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("content_id", contentId);
        soldOn.ifPresent(where -> data.put("chain_id", where.chainId()).put("market", where.market().value()));
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
