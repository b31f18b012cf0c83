package org.elastos.frontdoor.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The app's side of the link to one box: one TLS connection, pinned to the box's DID, proving this device's DID,
 * carrying requests one at a time. Everything the box refuses arrives as a typed exception with its reason.
 */
public final class BoxClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    /** One entry of a folder on the box. */
    public record Entry(String name, boolean folder, long size) {
    }

    /** A device as the box lists it. */
    public record DeviceInfo(DidKey did, String name, String role, String state, String lastSeen) {
    }

    /** The answer to a pairing request: enrolled with a token, or waiting for an owner's approval. */
    public record Enrollment(boolean pending, String role, Optional<String> token) {
    }

    private final DidKey box;
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Duration handshakeTime;
    private volatile String token = "";

    private BoxClient(DidKey box, SSLSocket socket, Duration handshakeTime) throws IOException {
        this.box = box;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.handshakeTime = handshakeTime;
    }

    /**
     * Connects straight to a box's {@code tls://host:port} endpoint.
     *
     * @throws PeerIdentityException when whoever answers is not {@code box}
     * @throws BoxUnreachableException when nothing answers
     */
    public static BoxClient connect(URI endpoint, DidKey box, DidSigner device) {
        long start = System.nanoTime();
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), CONNECT_TIMEOUT_MS);
            raw.setSoTimeout(READ_TIMEOUT_MS);
        } catch (IOException e) {
            Sockets.closeQuietly(raw);
            throw new BoxUnreachableException("cannot reach the box at " + endpoint + " (" + e.getMessage()
                    + "); check that it is running and on this network", e);
        }
        return over(raw, box, device, start);
    }

    /** Runs the link over a socket that is already connected to the box, directly or through a relay. */
    public static BoxClient over(Socket connected, DidKey box, DidSigner device, long startedNanos) {
        try {
            SSLSocket socket = LinkTls.toBox(device, box).client(connected);
            return new BoxClient(box, socket, Duration.ofNanos(System.nanoTime() - startedNanos));
        } catch (SSLHandshakeException e) {
            Sockets.closeQuietly(connected);
            if (causedBy(e, CertificateException.class)) {
                throw new PeerIdentityException("whatever answered is not the box " + box.fingerprint()
                        + " from the invite; nothing was sent to it", e);
            }
            throw new BoxRefusedException(403, "the box refused this device's certificate: the device may have been"
                    + " revoked; pair it again from an owner's device");
        } catch (IOException e) {
            Sockets.closeQuietly(connected);
            throw new BoxUnreachableException("the connection to the box broke while it was being secured", e);
        }
    }

    public DidKey box() {
        return box;
    }

    /** How long connecting and the TLS handshake took. */
    public Duration handshakeTime() {
        return handshakeTime;
    }

    /** Uses a device token from an earlier enrollment. */
    public BoxClient withToken(String deviceToken) {
        this.token = deviceToken;
        return this;
    }

    public JsonNode info() {
        return expect(request("GET", "/info", new byte[0], Map.of()), 200);
    }

    /**
     * Proves the invite's secret over this link, which already proves the device's DID.
     *
     * @throws InviteRefusedException when the box says the invite is used, expired or not its own
     */
    public Enrollment pair(PairingInvite invite, String deviceName) {
        if (!invite.boxDid().equals(box)) {
            throw new IllegalArgumentException("this link is to " + box + ", the invite is for " + invite.boxDid());
        }
        ObjectNode body = JSON.createObjectNode()
                .put("secret", Base64.getUrlEncoder().withoutPadding().encodeToString(invite.secret()))
                .put("device_name", deviceName);
        LinkHttp.Response response = request("POST", "/pair", body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        JsonNode answer = read(response);
        if (response.status() == 409 || response.status() == 410 || response.status() == 403) {
            String reason = answer.path("reason").asText("");
            InviteRefusedException.Reason why = switch (reason) {
                case "ALREADY_USED" -> InviteRefusedException.Reason.ALREADY_USED;
                case "EXPIRED" -> InviteRefusedException.Reason.EXPIRED;
                case "NOT_FOR_THIS_BOX" -> InviteRefusedException.Reason.NOT_FOR_THIS_BOX;
                default -> null;
            };
            if (why != null) {
                throw new InviteRefusedException(why, answer.path("error").asText());
            }
        }
        return enrollment(response, answer);
    }

    /** Asks again after pairing said "pending": enrolled once an owner approved. */
    public Enrollment enrollment() {
        LinkHttp.Response response = request("GET", "/enrollment", new byte[0], Map.of());
        return enrollment(response, read(response));
    }

    public List<Entry> list(String folder) {
        JsonNode answer = expect(request("GET", "/list?path=" + encode(folder), new byte[0], authorization()), 200);
        List<Entry> entries = new ArrayList<>();
        answer.path("entries").forEach(e -> entries.add(new Entry(e.path("name").asText(), e.path("folder").asBoolean(),
                e.path("size").asLong())));
        return entries;
    }

    /**
     * Streams a file, or the part of it from byte {@code from} (inclusive) to its end; the stream must be read to
     * its end or the client closed before the next request.
     */
    public LinkHttp.Response read(String path, long from) {
        Map<String, String> headers = new LinkedHashMap<>(authorization());
        if (from > 0) {
            headers.put("Range", "bytes=" + from + "-");
        }
        LinkHttp.Response response = request("GET", "/file?path=" + encode(path), new byte[0], headers);
        if (response.status() != 200 && response.status() != 206) {
            expect(response, 200);
        }
        return response;
    }

    /**
     * Streams {@code length} bytes to a new file on the box, reporting the bytes sent; the box keeps it only once
     * every byte arrived. Cancelling closes this connection (the box then discards what it got); connect again after.
     *
     * @throws CancellationException when {@code cancelled} said stop
     */
    public JsonNode upload(String path, InputStream data, long length, boolean replace, LongConsumer sent,
                           BooleanSupplier cancelled) {
        synchronized (this) {
            try {
                Map<String, String> headers = new LinkedHashMap<>(authorization());
                LinkHttp.writeRequestHead(out, "PUT", "/file?path=" + encode(path) + (replace ? "&replace=true" : ""),
                        headers, length);
                byte[] buffer = new byte[64 * 1024];
                long done = 0;
                while (done < length) {
                    if (cancelled.getAsBoolean()) {
                        close();
                        throw new CancellationException("upload of " + path + " cancelled; nothing was kept on the box");
                    }
                    int read = data.read(buffer, 0, (int) Math.min(buffer.length, length - done));
                    if (read < 0) {
                        close();
                        throw new IllegalArgumentException("the file ended after " + done + " of " + length + " bytes");
                    }
                    out.write(buffer, 0, read);
                    done += read;
                    sent.accept(done);
                }
                out.flush();
                return expect(LinkHttp.readResponse(in), 200);
            } catch (IOException e) {
                throw new BoxUnreachableException("the upload broke (" + e.getMessage() + "); nothing was kept on the box", e);
            }
        }
    }

    /**
     * Listens to the box's changes on this connection until it closes, giving each event to {@code onEvent}. Use a
     * connection of its own: it carries nothing else while it listens.
     */
    public void events(Consumer<JsonNode> onEvent) {
        LinkHttp.Response response = request("GET", "/events", new byte[0], authorization());
        if (response.status() != 200) {
            expect(response, 200);
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode event = JSON.readTree(line);
                if (!"ping".equals(event.path("type").asText())) {
                    onEvent.accept(event);
                }
            }
        } catch (IOException e) {
            throw new BoxUnreachableException("the event stream from the box ended (" + e.getMessage() + ")", e);
        }
    }

    public List<DeviceInfo> devices() {
        JsonNode answer = expect(request("GET", "/devices", new byte[0], authorization()), 200);
        List<DeviceInfo> devices = new ArrayList<>();
        answer.path("devices").forEach(d -> devices.add(new DeviceInfo(DidKey.parse(d.path("did").asText()),
                d.path("name").asText(), d.path("role").asText(), d.path("state").asText(), d.path("last_seen").asText())));
        return devices;
    }

    public void revoke(DidKey device) {
        changeDevice("/devices/revoke", device);
    }

    public void approve(DidKey device) {
        changeDevice("/devices/approve", device);
    }

    private void changeDevice(String path, DidKey device) {
        byte[] body = JSON.createObjectNode().put("did", device.value()).toString().getBytes(StandardCharsets.UTF_8);
        expect(request("POST", path, body, authorization()), 200);
    }

    private Enrollment enrollment(LinkHttp.Response response, JsonNode answer) {
        if (response.status() == 202) {
            return new Enrollment(true, "member", Optional.empty());
        }
        if (response.status() != 200) {
            throw new BoxRefusedException(response.status(), answer.path("error").asText("the box refused to enroll this device"));
        }
        token = answer.path("token").asText();
        return new Enrollment(false, answer.path("role").asText(), Optional.of(token));
    }

    private Map<String, String> authorization() {
        return Map.of("Authorization", "Biscuit " + token);
    }

    private synchronized LinkHttp.Response request(String method, String target, byte[] body, Map<String, String> headers) {
        try {
            LinkHttp.writeRequest(out, method, target, headers, body);
            return LinkHttp.readResponse(in);
        } catch (IOException e) {
            throw new BoxUnreachableException("the link to the box broke (" + e.getMessage() + "); connect again", e);
        }
    }

    private static JsonNode read(LinkHttp.Response response) {
        try {
            byte[] bytes = response.bodyBytes();
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new BoxUnreachableException("the box's answer was cut off (" + e.getMessage() + ")", e);
        }
    }

    private static JsonNode expect(LinkHttp.Response response, int status) {
        JsonNode answer = read(response);
        if (response.status() != status) {
            throw new BoxRefusedException(response.status(), answer.path("error").asText("the box answered " + response.status()));
        }
        return answer;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        Sockets.closeQuietly(socket);
    }
}
