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
 * A film in a box's shop window, as its catalog entry says: signed by the box for
 * {@value EnvelopeDomains#STORE_ITEM}, so whoever fetches it (a stranger, through a relay) knows which box stands
 * behind it. The files it names are the only ones a buyer may fetch of it.
 *
 * @param listing the chain and market it is sold on, once it is listed
 */
public record StoreItem(byte[] contentId, DidKey box, String title, String description, double durationSeconds,
                        String codecs, int width, int height, boolean hasAudio, String poster, String playlist,
                        List<String> files, Optional<Listed> listing) {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        return new StoreItem(contentId, box, title, description, durationSeconds, codecs, width, height, hasAudio, poster,
                playlist, files, Optional.of(where));
    }

    /** Whether a buyer may fetch {@code name} of this item: the poster, the playlist, or one of its segments. */
    public boolean offers(String name) {
        return name.equals(poster) || name.equals(playlist) || files.contains(name);
    }

    public Envelope sign(DidSigner signer) {
        if (!signer.did().equals(box)) {
            throw new IllegalArgumentException("an item of " + box + " cannot be signed by " + signer.did());
        }
        ObjectNode payload = JSON.createObjectNode().put("content_id", contentIdHex()).put("box_did", box.value())
                .put("title", title).put("description", description).put("duration_s", durationSeconds)
                .put("codecs", codecs).put("width", width).put("height", height).put("has_audio", hasAudio)
                .put("poster", poster).put("playlist", playlist).put("metadata_uri", metadataUri());
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
            return new StoreItem(HexFormat.of().parseHex(id.substring(2)), box, payload.path("title").asText(),
                    payload.path("description").asText(""), payload.path("duration_s").asDouble(), payload.path("codecs").asText(),
                    payload.path("width").asInt(), payload.path("height").asInt(), payload.path("has_audio").asBoolean(),
                    payload.path("poster").asText(), payload.path("playlist").asText(), files, listing);
        } catch (WalletException | IllegalArgumentException e) {
            throw new EnvelopeRejectedException("this catalog entry is missing part of what a box puts in it", e);
        }
    }
}
