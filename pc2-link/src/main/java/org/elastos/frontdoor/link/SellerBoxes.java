package org.elastos.frontdoor.link;

import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The boxes of strangers who sell things: reached by the DID a listing's metadata URI names
 * ({@code elastos://BOX_DID/store/CONTENT_ID}), through the carrier relays this device knows, one link per box, each
 * used for one request at a time; different boxes are asked side by side. What they say of an item is believed only
 * when the box signed it.
 */
public final class SellerBoxes implements AutoCloseable {
    /** The most a poster may weigh; a larger one is left out, not read. */
    public static final int MAX_POSTER_BYTES = 2 * 1024 * 1024;
    /** The most pixels a poster may have a side: a small file can claim a huge picture, and decoding it would fill memory. */
    public static final int MAX_POSTER_SIDE = 2048;
    /** Links kept open to sellers' boxes at once; the one used longest ago is closed to make room. */
    static final int MAX_OPEN = 16;

    private static final Pattern METADATA_URI =
            Pattern.compile("elastos://(did:key:z[1-9A-HJ-NP-Za-km-z]{40,60})/store/(0x[0-9a-f]{32})");

    /** Where an item lives, as a listing names it. */
    public record ItemAddress(DidKey box, String contentId) {
        /**
         * @throws IllegalArgumentException when the URI is not one of ours
         */
        public static ItemAddress parse(String metadataUri) {
            Matcher match = METADATA_URI.matcher(metadataUri == null ? "" : metadataUri);
            if (!match.matches()) {
                throw new IllegalArgumentException("not the address of an item on a box: " + metadataUri);
            }
            return new ItemAddress(DidKey.parse(match.group(1)), match.group(2));
        }
    }

    /** An item as its box describes it, with its poster when it has one of a sensible size. */
    public record Described(StoreItem item, Optional<byte[]> poster) {
    }

    private final List<URI> relays;
    private final Supplier<DidSigner> device;
    private final Map<DidKey, Held> open = new LinkedHashMap<>(MAX_OPEN, 0.75f, true);

    /**
     * @param relays {@code relay://host:port} of the relays to look for sellers through
     * @param device this device's signer: a seller's box serves its shop window to any DID-certified device
     */
    public SellerBoxes(List<URI> relays, Supplier<DidSigner> device) {
        this.relays = List.copyOf(relays);
        this.device = device;
    }

    /**
     * Fetches and checks the item's catalog entry from its box, and its poster.
     *
     * @throws BoxUnreachableException when the box cannot be reached now
     * @throws BoxRefusedException     when it will not describe the item, or its entry does not check out
     */
    public Described describe(ItemAddress address) {
        return withBox(address.box(), client -> {
            StoreItem item = client.verifiedItem(address.contentId());
            return new Described(item, poster(client, item));
        });
    }

    /** A link of its own to the box, for a playback; the caller closes it. */
    public BoxClient connect(DidKey box) {
        if (relays.isEmpty()) {
            throw new BoxUnreachableException("this device knows no relay to reach sellers' boxes through", null);
        }
        return BoxConnector.connect(relays, box, device.get()).client();
    }

    private interface Request<T> {
        T on(BoxClient client);
    }

    /** One box's link, and the lock that keeps it to one request at a time. */
    private static final class Held {
        private BoxClient client;
    }

    private <T> T withBox(DidKey box, Request<T> request) {
        Held held;
        synchronized (open) {
            held = open.get(box);
            if (held == null) {
                if (open.size() >= MAX_OPEN) {
                    Map.Entry<DidKey, Held> eldest = open.entrySet().iterator().next();
                    open.remove(eldest.getKey());
                    closeQuietly(eldest.getValue());
                }
                held = new Held();
                open.put(box, held);
            }
        }
        synchronized (held) {
            if (held.client == null || !held.client.isOpen()) {
                held.client = connect(box);
            }
            try {
                return request.on(held.client);
            } catch (BoxUnreachableException e) {
                held.client.close();
                held.client = null;
                throw e;
            }
        }
    }

    private static void closeQuietly(Held held) {
        BoxClient client = held.client;
        if (client != null) {
            client.close();
        }
    }

    private static Optional<byte[]> poster(BoxClient client, StoreItem item) {
        if (item.poster().isEmpty()) {
            return Optional.empty();
        }
        LinkHttp.Response response;
        try {
            response = client.storeFile(item.contentIdHex(), item.poster().get(), 0);
        } catch (BoxRefusedException noPoster) {
            return Optional.empty();
        }
        try (InputStream body = response.body()) {
            byte[] bytes = response.length() > MAX_POSTER_BYTES ? new byte[0] : body.readNBytes(MAX_POSTER_BYTES + 1);
            if (bytes.length == 0 || bytes.length > MAX_POSTER_BYTES) {
                // Not read to its end: this link is spent, and the next request opens another.
                client.close();
                return Optional.empty();
            }
            return sensibleSize(bytes) ? Optional.of(bytes) : Optional.empty();
        } catch (IOException e) {
            throw new BoxUnreachableException("the box stopped sending the poster of " + item.title(), e);
        }
    }

    /** A picture in a format we read, whose header claims no more than {@link #MAX_POSTER_SIDE} a side; nothing decoded. */
    static boolean sensibleSize(byte[] picture) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(picture))) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reader.getWidth(0) <= MAX_POSTER_SIDE && reader.getHeight(0) <= MAX_POSTER_SIDE;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Closes every link; a request under way fails as if its box had gone. */
    @Override
    public void close() {
        synchronized (open) {
            open.values().forEach(SellerBoxes::closeQuietly);
            open.clear();
        }
    }
}
