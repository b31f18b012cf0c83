package org.elastos.frontdoor.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;
import org.elastos.frontdoor.wallet.envelope.EnvelopeRejectedException;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An item in a box's shop window, as its catalog entry says: a film to watch, or a file or folder to download.
 * Signed by the box for {@value EnvelopeDomains#STORE_ITEM}, so whoever fetches it (a stranger, through a relay) knows
 * which box stands behind it. The files it names are the only ones a buyer may fetch of it.
 *
 * @param poster  its picture, if it has one (a film always does)
 * @param listing the chain and market it is sold on, once it is listed
 */
public record StoreItem(byte[] contentId, DidKey box, String title, String description, Offering offering,
                        Optional<String> poster, List<String> files, Optional<Listed> listing) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a buyer gets. */
    public sealed interface Offering permits Watch, Download {
    }

    /** A film, watched in the player: HLS of CENC segments, the playlist and init segment among the files. */
    public record Watch(double durationSeconds, String codecs, int width, int height, boolean hasAudio, String playlist)
            implements Offering {
    }

    /**
     * A copy to keep: one sealed file (ADR 0016) holding a file, or a folder of {@code entries} files.
     *
     * @param bytes what the copy holds, in clear
     */
    public record Download(String sealed, long bytes, int entries, boolean folder) implements Offering {
        public Download {
            if (bytes < 0 || entries < 0) {
                throw new IllegalArgumentException("a download holds a number of bytes and files, never a negative one");
            }
        }
    }

    /**
     * Where an item is sold, and by whom: the account the listing pays. A buyer believes a listing only when the
     * box's own entry names the same seller, so nobody else can list the box's item and be paid for it.
     */
    public record Listed(long chainId, EvmAddress market, Optional<EvmAddress> seller) {
        public Listed(long chainId, EvmAddress market, EvmAddress seller) {
            this(chainId, market, Optional.of(seller));
        }

        /** Where it will be sold, before anyone has listed it (the film's own pssh box says only this). */
        public Listed(long chainId, EvmAddress market) {
            this(chainId, market, Optional.empty());
        }
    }

    public StoreItem {
        contentId = contentId.clone();
        files = List.copyOf(files);
        if (offering instanceof Download download && !files.equals(List.of(download.sealed()))) {
            throw new IllegalArgumentException("a download offers its sealed file and nothing else");
        }
        if (contentId.length != 16 || title.isBlank() || title.length() > 200 || description.length() > 4000) {
            throw new IllegalArgumentException("an item has a 16-byte content id, a title of 1 to 200 characters and a"
                    + " description of at most 4000");
        }
    }

    @Override
    public byte[] contentId() {
        return contentId.clone();
    }

    public String contentIdHex() {
        return "0x" + HexFormat.of().formatHex(contentId);
    }

    /** The metadata URI its listing names: the box and the item, by DID and id, never by address. */
    public String metadataUri() {
        return "elastos://" + box.value() + "/store/" + contentIdHex();
    }

    public StoreItem listedOn(Listed where) {
        return new StoreItem(contentId, box, title, description, offering, poster, files, Optional.of(where));
    }

    /** The film, when this item is one to watch. */
    public Optional<Watch> watch() {
        return offering instanceof Watch watch ? Optional.of(watch) : Optional.empty();
    }

    /** The copy, when this item is one to download. */
    public Optional<Download> download() {
        return offering instanceof Download download ? Optional.of(download) : Optional.empty();
    }

    /** Whether a buyer may fetch {@code name} of this item: the poster, a film's playlist, or one of its files. */
    public boolean offers(String name) {
        return poster.map(name::equals).orElse(false) || watch().map(w -> w.playlist().equals(name)).orElse(false)
                || files.contains(name);
    }

    public Envelope sign(DidSigner signer) {
        if (!signer.did().equals(box)) {
            throw new IllegalArgumentException("an item of " + box + " cannot be signed by " + signer.did());
        }
        ObjectNode payload = JSON.createObjectNode().put("content_id", contentIdHex()).put("box_did", box.value())
                .put("title", title).put("description", description).put("metadata_uri", metadataUri());
        if (offering instanceof Watch watch) {
            payload.put("delivery", "watch").put("duration_s", watch.durationSeconds()).put("codecs", watch.codecs())
                    .put("width", watch.width()).put("height", watch.height()).put("has_audio", watch.hasAudio())
                    .put("playlist", watch.playlist());
        } else if (offering instanceof Download download) {
            payload.put("delivery", "download").put("sealed", download.sealed()).put("bytes", download.bytes())
                    .put("entries", download.entries()).put("folder", download.folder());
        }
        poster.ifPresent(picture -> payload.put("poster", picture));
        ArrayNode names = payload.putArray("files");
        files.forEach(names::add);
        listing.ifPresent(where -> {
            payload.put("chain_id", where.chainId()).put("market", where.market().value());
            where.seller().ifPresent(seller -> payload.put("seller", seller.value()));
        });
        return signer.signEnvelope(EnvelopeDomains.STORE_ITEM, payload);
    }

    /**
     * Reads an entry and checks that the box it names signed it.
     *
     * @throws EnvelopeRejectedException when it is not an entry, or not signed by its box
     */
    public static StoreItem verify(Envelope envelope) {
        JsonNode payload = envelope.payload();
        try {
            DidKey box = DidKey.parse(payload.path("box_did").asText());
            if (!envelope.verify(EnvelopeDomains.STORE_ITEM).equals(box)) {
                throw new EnvelopeRejectedException("this catalog entry was not signed by the box it names");
            }
            String id = payload.path("content_id").asText("");
            if (!id.matches("0x[0-9a-f]{32}")) {
                throw new IllegalArgumentException("content_id");
            }
            List<String> files = new ArrayList<>();
            payload.path("files").forEach(name -> files.add(name.asText()));
            Optional<Listed> listing = payload.has("chain_id")
                    ? Optional.of(new Listed(payload.path("chain_id").asLong(), new EvmAddress(payload.path("market").asText()),
                            payload.hasNonNull("seller") ? Optional.of(new EvmAddress(payload.path("seller").asText())) : Optional.empty()))
                    : Optional.empty();
            // Entries signed before downloads existed name no delivery: they are films.
            String delivery = payload.path("delivery").asText("watch");
            Offering offering = switch (delivery) {
                case "watch" -> new Watch(payload.path("duration_s").asDouble(), payload.path("codecs").asText(),
                        payload.path("width").asInt(), payload.path("height").asInt(), payload.path("has_audio").asBoolean(),
                        payload.path("playlist").asText());
                case "download" -> new Download(payload.path("sealed").asText(), payload.path("bytes").asLong(),
                        payload.path("entries").asInt(), payload.path("folder").asBoolean());
                default -> throw new IllegalArgumentException("delivery " + delivery);
            };
            Optional<String> poster = payload.hasNonNull("poster") ? Optional.of(payload.path("poster").asText()) : Optional.empty();
            return new StoreItem(HexFormat.of().parseHex(id.substring(2)), box, payload.path("title").asText(),
                    payload.path("description").asText(""), offering, poster, files, listing);
        } catch (WalletException | IllegalArgumentException e) {
            throw new EnvelopeRejectedException("this catalog entry is missing part of what a box puts in it", e);
        }
    }
}
