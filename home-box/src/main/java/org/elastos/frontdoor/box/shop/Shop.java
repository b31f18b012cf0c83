package org.elastos.frontdoor.box.shop;

import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.media.Film;
import org.elastos.frontdoor.media.FilmPackager;
import org.elastos.frontdoor.media.FilmRefusedException;
import org.elastos.frontdoor.media.sealed.ItemSealer;
import org.elastos.frontdoor.media.sealed.SealedManifest;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The box's shop window: {@code store/<content id>/}, each holding an encrypted film and its poster, or a sealed copy
 * to download, with its signed catalog entry ({@code item.json}) and, when a vending machine made it, the machine's
 * record ({@code machine.json}). An item appears whole or not at all (it is made beside the store and moved in),
 * and its content key is in {@link ContentKeys} before it appears. The running box reads the folder as it is asked,
 * so `frontdoor box film add` beside it shows at once.
 */
public final class Shop {
    private static final String ENTRY = "item.json";
    private static final String MACHINE = "machine.json";
    /** The one file a download offers. */
    public static final String SEALED = "item.sealed";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

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
        return addFilm(input, title, description, poster, soldOn, Optional.empty(), packager, progress);
    }

    /** Packages a film as {@link #addFilm}, for the vending machine {@code machine} when one sells it. */
    public StoreItem addFilm(Path input, String title, String description, Optional<Path> poster,
                             Optional<StoreItem.Listed> soldOn, Optional<Machine> machine, FilmPackager packager,
                             FilmPackager.Progress progress) throws FilmRefusedException, IOException, InterruptedException {
        byte[] contentId = freshContentId();
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
            StoreItem item = new StoreItem(contentId, box.did(), title.strip(), description.strip(),
                    new StoreItem.Watch(film.durationSeconds(), film.codecs(), film.width(), film.height(), film.hasAudio(),
                            film.playlist()), Optional.of("poster.jpg"), files,
                    soldOn.map(where -> new StoreItem.Listed(where.chainId(), where.market())));
            keys.store(contentId, key);
            putIn(staging, id, item, machine);
            return item;
        } finally {
            Arrays.fill(key, (byte) 0);
            deleteTree(staging);
        }
    }

    /**
     * Seals a file or folder into the shop as a copy to download (ADR 0016): a fresh content id and key, the item
     * sealed under it, the entry signed, the machine's record beside it. {@code progress} hears the clear bytes sealed.
     */
    public StoreItem addDownload(Path source, String title, String description, Optional<StoreItem.Listed> soldOn,
                                 Optional<Machine> machine, LongConsumer progress) throws IOException {
        byte[] contentId = freshContentId();
        String id = "0x" + HexFormat.of().formatHex(contentId);
        byte[] key = keys.fresh();
        Path staging = folder.resolve("." + id + ".adding");
        try {
            Files.createDirectories(staging);
            SealedManifest holds;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(staging.resolve(SEALED)), 1 << 16)) {
                holds = ItemSealer.seal(key, contentId, source, out, progress).manifest();
            }
            StoreItem item = new StoreItem(contentId, box.did(), title.strip(), description.strip(),
                    new StoreItem.Download(SEALED, holds.contentBytes(), holds.entries().size(), holds.folder()),
                    Optional.empty(), List.of(SEALED), soldOn.map(where -> new StoreItem.Listed(where.chainId(), where.market())));
            keys.store(contentId, key);
            putIn(staging, id, item, machine);
            return item;
        } finally {
            Arrays.fill(key, (byte) 0);
            deleteTree(staging);
        }
    }

    /** The bytes a folder's copy would hold: what sealing it reads. */
    long sizeOf(Path folder) throws IOException {
        return ItemSealer.manifestOf(folder).contentBytes();
    }

    /** A new item's content id (16 random bytes, a film's KID too), with the store folder made to hold it. */
    private byte[] freshContentId() throws IOException {
        Files.createDirectories(folder);
        byte[] contentId = new byte[16];
        new SecureRandom().nextBytes(contentId);
        return contentId;
    }

    /** Signs the entry, writes the machine's record, and moves the item in whole. */
    private void putIn(Path staging, String id, StoreItem item, Optional<Machine> machine) throws IOException {
        AtomicFile.write(staging.resolve(ENTRY), item.sign(box).toJsonString().getBytes(StandardCharsets.UTF_8));
        if (machine.isPresent()) {
            AtomicFile.write(staging.resolve(MACHINE), JSON.writeValueAsBytes(JSON.createObjectNode()
                    .put("source", machine.get().source()).put("seller", machine.get().seller().value())
                    .put("made", machine.get().made().toString())));
        }
        Files.move(staging, folder.resolve(id), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The vending machine that sells {@code contentId}, if a machine made it. */
    public Optional<Machine> machine(byte[] contentId) {
        Path record = folder.resolve("0x" + HexFormat.of().formatHex(contentId)).resolve(MACHINE);
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        try {
            com.fasterxml.jackson.databind.JsonNode json = JSON.readTree(Files.readAllBytes(record));
            return Optional.of(new Machine(json.path("source").asText(), new org.elastos.frontdoor.wallet.EvmAddress(
                    json.path("seller").asText()), java.time.Instant.parse(json.path("made").asText())));
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }

    /** Every item a vending machine made, with its machine, in the order of their content ids. */
    public List<Machined> machines() throws IOException {
        List<Machined> machines = new ArrayList<>();
        for (Envelope entry : catalog()) {
            StoreItem item = StoreItem.verify(entry);
            machine(item.contentId()).ifPresent(machine -> machines.add(new Machined(item, machine)));
        }
        return machines;
    }

    /** An item and the machine that sells it. */
    public record Machined(StoreItem item, Machine machine) {
        /** Packaged, and not yet listed: its entry names no seller. */
        public boolean halfMade() {
            return item.listing().flatMap(StoreItem.Listed::seller).isEmpty();
        }
    }

    /** The machine selling {@code source}, if there is one. A path sold twice is found by its newest machine. */
    public Optional<Machined> machineFor(String source) throws IOException {
        return machines().stream().filter(m -> m.machine().source().equals(source))
                .max(java.util.Comparator.comparing(m -> m.machine().made()));
    }

    /**
     * Takes an item back out of the shop and forgets its key: only for a machine half made, which nobody can have
     * bought. The item leaves the catalog at once (renamed away first), then its files go.
     */
    public void takeBack(byte[] contentId) throws IOException {
        String id = "0x" + HexFormat.of().formatHex(contentId);
        Path item = folder.resolve(id);
        if (!Files.isDirectory(item)) {
            return;
        }
        Path leaving = folder.resolve("." + id + ".leaving");
        Files.move(item, leaving, StandardCopyOption.ATOMIC_MOVE);
        keys.forget(contentId);
        deleteTree(leaving);
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
