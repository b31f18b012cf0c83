package org.elastos.frontdoor.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.audit.AuditCheckpoint;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The app's side of the link to one box, pinned to the box's DID, proving this device's DID. Each request has a
 * connection of its own while it runs: a download streaming on one never shares its bytes with a folder listed
 * meanwhile. Finished connections are kept for the next request; a new one is dialled along the same path
 * (directly, or through the relay) when none is free. Everything the box refuses arrives as a typed exception with
 * its reason.
 */
public final class BoxClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 30_000;
    /** Requests running at once on one client (a box lets a device hold more: it has other clients too). */
    private static final int MAX_CONNECTIONS = 8;
    private static final int MAX_IDLE = 2;
    /** A folder of ten thousand files lists in about a megabyte; an answer past this is not a box's. */
    private static final int MAX_ANSWER_BYTES = 16 << 20;

    /** Opens a new raw connection to the box along the path that worked; the client runs TLS over it. */
    @FunctionalInterface
    public interface Dialer {
        Socket dial() throws IOException;
    }

    /** One entry of a folder on the box. */
    public record Entry(String name, boolean folder, long size) {
    }

    /** A device as the box lists it. */
    public record DeviceInfo(DidKey did, String name, String role, String state, String lastSeen) {
    }

    /**
     * The answer to a pairing request: enrolled with a token (and a pass for the box's relay), or waiting for an
     * owner's approval.
     */
    public record Enrollment(boolean pending, String role, Optional<String> token, Optional<String> relayPass) {
    }

    /**
     * A vending machine as its box lists it for an owner: the file or folder it sells, the account its listing must
     * pay, when it was made, and its item, checked to be signed by this box.
     */
    public record Machine(String source, EvmAddress seller, String made, StoreItem item) {
        /** Packaged and not yet listed: its entry names no seller. */
        public boolean halfMade() {
            return item.listing().flatMap(StoreItem.Listed::seller).isEmpty();
        }
    }

    /** A machine the box is making: progress from 0 to 1, then its item, or the box's reason it failed. */
    public record MachineJob(String id, String source, State state, double progress, Optional<StoreItem> item,
                             Optional<String> failure, String detail) {
        public enum State { RUNNING, DONE, FAILED }
    }

    private final DidKey box;
    private final DidSigner device;
    private final Dialer dialer;
    private final Duration handshakeTime;
    private final Deque<LinkConnection> idle = new ArrayDeque<>();
    private final Set<LinkConnection> lent = ConcurrentHashMap.newKeySet();
    private final Semaphore permits = new Semaphore(MAX_CONNECTIONS);
    private volatile boolean closed;
    private volatile String token = "";

    private BoxClient(DidKey box, DidSigner device, Dialer dialer, LinkConnection first, Duration handshakeTime) {
        this.box = box;
        this.device = device;
        this.dialer = dialer;
        this.handshakeTime = handshakeTime;
        idle.push(first);
    }

    /**
     * Connects straight to a box's {@code tls://host:port} endpoint.
     *
     * @throws PeerIdentityException when whoever answers is not {@code box}
     * @throws BoxUnreachableException when nothing answers
     */
    public static BoxClient connect(URI endpoint, DidKey box, DidSigner device) {
        long start = System.nanoTime();
        Dialer direct = () -> direct(endpoint);
        Socket raw;
        try {
            raw = direct.dial();
        } catch (IOException e) {
            throw new BoxUnreachableException("cannot reach the box at " + endpoint + " (" + e.getMessage()
                    + "); check that it is running and on this network", e);
        }
        return over(raw, box, device, start, direct);
    }

    /**
     * Runs the link over a socket that is already connected to the box, directly or through a relay; later
     * connections come from {@code redial}.
     */
    public static BoxClient over(Socket connected, DidKey box, DidSigner device, long startedNanos, Dialer redial) {
        LinkConnection first = LinkConnection.secure(connected, box, device);
        return new BoxClient(box, device, redial, first, Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /** A plain TCP connection to {@code tls://host:port}, with the link's timeouts and no Nagle delay. */
    public static Socket direct(URI endpoint) throws IOException {
        Socket raw = new Socket();
        try {
            raw.setTcpNoDelay(true);
            raw.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), CONNECT_TIMEOUT_MS);
            raw.setSoTimeout(READ_TIMEOUT_MS);
            return raw;
        } catch (IOException e) {
            Sockets.closeQuietly(raw);
            throw e;
        }
    }

    public DidKey box() {
        return box;
    }

    /** How long connecting and the TLS handshake of the first connection took. */
    public Duration handshakeTime() {
        return handshakeTime;
    }

    /** Uses a device token from an earlier enrollment. */
    public BoxClient withToken(String deviceToken) {
        this.token = deviceToken;
        return this;
    }

    public JsonNode info() {
        return expect(call("GET", "/info", new byte[0], Map.of()), 200);
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
        Answer answer = call("POST", "/pair", body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        if (answer.status() == 409 || answer.status() == 410 || answer.status() == 403) {
            InviteRefusedException.Reason why = switch (answer.body().path("reason").asText("")) {
                case "ALREADY_USED" -> InviteRefusedException.Reason.ALREADY_USED;
                case "EXPIRED" -> InviteRefusedException.Reason.EXPIRED;
                case "NOT_FOR_THIS_BOX" -> InviteRefusedException.Reason.NOT_FOR_THIS_BOX;
                default -> null;
            };
            if (why != null) {
                throw new InviteRefusedException(why, answer.body().path("error").asText());
            }
        }
        return enrollment(answer);
    }

    /** Asks again after pairing said "pending": enrolled once an owner approved. */
    public Enrollment enrollment() {
        return enrollment(call("GET", "/enrollment", new byte[0], Map.of()));
    }

    public List<Entry> list(String folder) {
        JsonNode answer = expect(call("GET", "/list?path=" + encode(folder), new byte[0], authorization()), 200);
        List<Entry> entries = new ArrayList<>();
        answer.path("entries").forEach(e -> entries.add(new Entry(e.path("name").asText(), e.path("folder").asBoolean(),
                e.path("size").asLong())));
        return entries;
    }

    /**
     * Streams a file, or the part of it from byte {@code from} (inclusive) to its end, on a connection of its own.
     * Read the body to its end, or close it to stop early (which hangs that connection up).
     */
    public LinkHttp.Response read(String path, long from) {
        Map<String, String> headers = new LinkedHashMap<>(authorization());
        if (from > 0) {
            headers.put("Range", "bytes=" + from + "-");
        }
        return stream("GET", "/file?path=" + encode(path), headers);
    }

    /**
     * Sends a request whose answer streams, on a connection lent to it until the body is read to its end (then it
     * serves the next request) or closed early (then it is hung up). An error answer is read here and thrown.
     */
    LinkHttp.Response stream(String method, String target, Map<String, String> headers) {
        LinkConnection connection = borrow();
        try {
            Sent sent = send(connection, method, target, headers, new byte[0]);
            connection = sent.connection();
            LinkHttp.Response response = sent.response();
            if (response.status() != 200 && response.status() != 206) {
                Answer refused = new Answer(response.status(), json(response));
                giveBack(connection, true);
                expect(refused, 200);
            }
            return new LinkHttp.Response(response.status(), response.headers(),
                    new LentBody(response.body(), connection, keepsOpen(response)), response.length());
        } catch (IOException e) {
            giveBack(connection, false);
            throw broken(e);
        } catch (RuntimeException e) {
            if (lent.contains(connection)) {
                giveBack(connection, false);
            }
            throw e;
        }
    }

    /**
     * Streams {@code length} bytes to a new file on the box, reporting the bytes sent; the box keeps it only once
     * every byte arrived. Cancelling hangs up the connection carrying it (the box then discards what it got); the
     * client stays usable.
     *
     * @throws CancellationException when {@code cancelled} said stop
     */
    public JsonNode upload(String path, InputStream data, long length, boolean replace, LongConsumer sent,
                           BooleanSupplier cancelled) {
        // A fresh connection: a stream of bytes cannot be sent again if a kept one turned out to be closed.
        LinkConnection connection = borrowFresh();
        boolean reusable = false;
        try {
            OutputStream out = connection.out();
            LinkHttp.writeRequestHead(out, "PUT", "/file?path=" + encode(path) + (replace ? "&replace=true" : ""),
                    new LinkedHashMap<>(authorization()), length);
            byte[] buffer = new byte[64 * 1024];
            long done = 0;
            while (done < length) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("upload of " + path + " cancelled; nothing was kept on the box");
                }
                int read = data.read(buffer, 0, (int) Math.min(buffer.length, length - done));
                if (read < 0) {
                    throw new IllegalArgumentException("the file ended after " + done + " of " + length + " bytes");
                }
                out.write(buffer, 0, read);
                done += read;
                sent.accept(done);
            }
            out.flush();
            LinkHttp.Response response = LinkHttp.readResponse(connection.in());
            Answer answer = new Answer(response.status(), json(response));
            reusable = keepsOpen(response);
            return expect(answer, 200);
        } catch (IOException e) {
            throw new BoxUnreachableException("the upload broke (" + e.getMessage() + "); nothing was kept on the box", e);
        } finally {
            giveBack(connection, reusable);
        }
    }

    /**
     * Makes a new folder inside one that exists, like {@code Photos/Holiday}; what a device saves there is then
     * uploaded file by file.
     *
     * @throws BoxRefusedException ALREADY_EXISTS when something has that name (choose another), NOT_ALLOWED without
     *                             the right to write, BAD_REQUEST for a path outside the box's folders
     */
    public void makeFolder(String path) {
        byte[] body = JSON.createObjectNode().put("path", path).toString().getBytes(StandardCharsets.UTF_8);
        expect(call("POST", "/folder", body, authorization()), 200);
    }

    /**
     * Listens to the box's changes until the stream ends, giving each event to {@code onEvent}; the stream has a
     * connection of its own for as long as it runs.
     */
    public void events(Consumer<JsonNode> onEvent) {
        LinkHttp.Response response = stream("GET", "/events", authorization());
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
        JsonNode answer = expect(call("GET", "/devices", new byte[0], authorization()), 200);
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

    /** The box's newest signed checkpoint of its audit log, checked to be signed by this box. */
    public Envelope auditHead() {
        JsonNode answer = expect(call("GET", "/audit/head", new byte[0], authorization()), 200);
        try {
            Envelope envelope = Envelope.parse(answer.toString());
            AuditCheckpoint.verify(envelope, box);
            return envelope;
        } catch (RuntimeException e) {
            throw new BoxRefusedException(502, BoxRefusal.UNKNOWN, "the box's audit checkpoint does not check out ("
                    + e.getMessage() + ")");
        }
    }

    /** The box's shop window: each item's catalog entry as the box signed it (the caller checks the signatures). */
    public List<Envelope> catalog() {
        JsonNode answer = expect(call("GET", "/store", new byte[0], Map.of()), 200);
        List<Envelope> entries = new ArrayList<>();
        for (JsonNode entry : answer.path("items")) {
            entries.add(Envelope.parse(entry.toString()));
        }
        return entries;
    }

    /** One item's catalog entry. */
    public Envelope storeItem(String contentId) {
        return Envelope.parse(expect(call("GET", "/store/item?id=" + encode(contentId), new byte[0], Map.of()), 200).toString());
    }

    /**
     * One item's catalog entry, checked: signed by the box this connection proved, and for the content id asked.
     *
     * @throws BoxRefusedException when the entry does not check out (status 502, reason UNKNOWN)
     */
    public StoreItem verifiedItem(String contentId) {
        StoreItem item = checkedItem(storeItem(contentId));
        if (!item.contentIdHex().equalsIgnoreCase(contentId)) {
            throw new BoxRefusedException(502, BoxRefusal.UNKNOWN, "the box answered with an entry for "
                    + item.contentIdHex() + ", not the one asked for");
        }
        return item;
    }

    /** One of an item's files (its playlist, init segment, a segment, its poster), from byte {@code from} on. */
    public LinkHttp.Response storeFile(String contentId, String name, long from) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (from > 0) {
            headers.put("Range", "bytes=" + from + "-");
        }
        return stream("GET", "/store/file?id=" + encode(contentId) + "&name=" + encode(name), headers);
    }

    /**
     * Asks for a license with a request the buyer's account signed; the box's refusal comes as a
     * {@link BoxRefusedException} whose {@link BoxRefusedException#reasonName()} is the license's reason.
     */
    public Envelope license(byte[] signedRequest) {
        return Envelope.parse(expect(call("POST", "/store/license", signedRequest, Map.of()), 200).toString());
    }

    /** The box's vending machines (owners only). */
    public List<Machine> machines() {
        JsonNode answer = expect(call("GET", "/machines", new byte[0], authorization()), 200);
        List<Machine> machines = new ArrayList<>();
        for (JsonNode machine : answer.path("machines")) {
            machines.add(new Machine(machine.path("source").asText(), new EvmAddress(machine.path("seller").asText()),
                    machine.path("made").asText(), checkedItem(machine.path("entry"))));
        }
        return machines;
    }

    /**
     * Asks the box to start packaging {@code path} as a machine: a film to watch or a copy to download, to be listed
     * by {@code seller} on {@code market} of chain {@code chainId}, whose node the box reaches at {@code rpcUrl}.
     */
    public MachineJob makeMachine(String path, boolean watch, String title, long chainId, EvmAddress market,
                                  EvmAddress seller, URI rpcUrl) {
        byte[] body = JSON.createObjectNode().put("path", path).put("delivery", watch ? "watch" : "download")
                .put("title", title).put("chain_id", chainId).put("market", market.value()).put("seller", seller.value())
                .put("rpc_url", rpcUrl.toString()).toString().getBytes(StandardCharsets.UTF_8);
        return job(expect(call("POST", "/machines/make", body, authorization()), 202));
    }

    /** How the machine being made by job {@code id} is getting on. */
    public MachineJob machineJob(String id) {
        return job(expect(call("GET", "/machines/job?id=" + encode(id), new byte[0], authorization()), 200));
    }

    /**
     * Says the item is listed: the box checks the chain, and answers with the entry signed as listed.
     *
     * @throws BoxRefusedException NOT_LISTED while the chain does not show it, CHAIN_UNREACHABLE when the box cannot ask
     */
    public StoreItem machineListed(String contentId) {
        byte[] body = JSON.createObjectNode().put("content_id", contentId).toString().getBytes(StandardCharsets.UTF_8);
        return checkedItem(expect(call("POST", "/machines/listed", body, authorization()), 200).path("entry"));
    }

    /** Takes a machine that was never listed back out of the box's shop. */
    public void takeBackMachine(String contentId) {
        byte[] body = JSON.createObjectNode().put("content_id", contentId).toString().getBytes(StandardCharsets.UTF_8);
        expect(call("POST", "/machines/take-back", body, authorization()), 200);
    }

    private MachineJob job(JsonNode answer) {
        MachineJob.State state = switch (answer.path("state").asText("")) {
            case "running" -> MachineJob.State.RUNNING;
            case "done" -> MachineJob.State.DONE;
            default -> MachineJob.State.FAILED;
        };
        Optional<StoreItem> item = answer.has("entry") ? Optional.of(checkedItem(answer.path("entry"))) : Optional.empty();
        if (state == MachineJob.State.DONE && item.isEmpty()) {
            throw new BoxRefusedException(502, BoxRefusal.UNKNOWN, "the box said the machine is made, and sent no item");
        }
        return new MachineJob(answer.path("id").asText(), answer.path("source").asText(), state,
                Math.max(0, Math.min(1, answer.path("progress").asDouble(0))), item,
                Optional.ofNullable(answer.path("failure").textValue()), answer.path("detail").asText(""));
    }

    /** An entry the box sent, checked to be signed by this box. */
    private StoreItem checkedItem(JsonNode entry) {
        try {
            return checkedItem(Envelope.parse(entry.toString()));
        } catch (WalletException | IllegalArgumentException e) {
            throw new BoxRefusedException(502, BoxRefusal.UNKNOWN, "the box's catalog entry does not check out");
        }
    }

    private StoreItem checkedItem(Envelope entry) {
        StoreItem item;
        try {
            item = StoreItem.verify(entry);
        } catch (WalletException | IllegalArgumentException e) {
            throw new BoxRefusedException(502, BoxRefusal.UNKNOWN, "the box's catalog entry does not check out");
        }
        if (!item.box().equals(box)) {
            throw new BoxRefusedException(502, BoxRefusal.UNKNOWN, "the box answered with an entry of " + item.box().fingerprint());
        }
        return item;
    }

    private void changeDevice(String path, DidKey device) {
        byte[] body = JSON.createObjectNode().put("did", device.value()).toString().getBytes(StandardCharsets.UTF_8);
        expect(call("POST", path, body, authorization()), 200);
    }

    private Enrollment enrollment(Answer answer) {
        if (answer.status() == 202) {
            return new Enrollment(true, "member", Optional.empty(), Optional.empty());
        }
        JsonNode body = expect(answer, 200);
        token = body.path("token").asText();
        return new Enrollment(false, body.path("role").asText(), Optional.of(token),
                Optional.ofNullable(body.path("relay_pass").textValue()));
    }

    private Map<String, String> authorization() {
        return Map.of("Authorization", "Biscuit " + token);
    }

    /** A status and a small JSON body, read whole. */
    private record Answer(int status, JsonNode body) {
    }

    /** One request with a small answer, on a connection borrowed for just that long. */
    private Answer call(String method, String target, byte[] body, Map<String, String> headers) {
        LinkConnection connection = borrow();
        boolean reusable = false;
        try {
            Sent sent = send(connection, method, target, headers, body);
            connection = sent.connection();
            Answer answer = new Answer(sent.response().status(), json(sent.response()));
            reusable = keepsOpen(sent.response());
            return answer;
        } catch (IOException e) {
            throw broken(e);
        } finally {
            giveBack(connection, reusable);
        }
    }

    /** A request sent, and the connection it went on. */
    private record Sent(LinkConnection connection, LinkHttp.Response response) {
    }

    /**
     * Sends on {@code connection}. When a kept connection turns out to have been closed by the box while it sat idle
     * (so nothing of the request was taken), the request goes once more on a fresh connection, lent in its place.
     */
    private Sent send(LinkConnection connection, String method, String target, Map<String, String> headers,
                      byte[] body) throws IOException {
        boolean kept = connection.wasUsed();
        try {
            return new Sent(connection, connection.exchange(method, target, headers, body));
        } catch (EOFException | SocketException closedWhileIdle) {
            if (!kept) {
                throw closedWhileIdle;
            }
            giveBack(connection, false);
            LinkConnection fresh = borrowFresh();
            try {
                return new Sent(fresh, fresh.exchange(method, target, headers, body));
            } catch (IOException | RuntimeException e) {
                giveBack(fresh, false);
                throw e;
            }
        }
    }

    /** The connection lent out for a request: a kept one, or a fresh one dialled; at most a few at once. */
    private LinkConnection borrow() {
        return borrow(true);
    }

    private LinkConnection borrowFresh() {
        return borrow(false);
    }

    private LinkConnection borrow(boolean keptOneWillDo) {
        if (closed) {
            throw new BoxUnreachableException("this link to the box was closed; connect again", null);
        }
        try {
            if (!permits.tryAcquire(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new BoxUnreachableException("too many transfers with the box at once; wait for one to finish", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoxUnreachableException("interrupted while waiting for a connection to the box", e);
        }
        LinkConnection connection = null;
        if (keptOneWillDo) {
            synchronized (idle) {
                connection = idle.poll();
            }
        }
        try {
            if (connection == null || !connection.isOpen()) {
                connection = dial();
            }
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
        lent.add(connection);
        return connection;
    }

    private LinkConnection dial() {
        Socket raw;
        try {
            raw = dialer.dial();
        } catch (IOException e) {
            throw new BoxUnreachableException("cannot reach the box " + box.fingerprint() + " again (" + e.getMessage()
                    + "); check that it is on and online", e);
        }
        return LinkConnection.secure(raw, box, device);
    }

    /** Hands a lent connection back: kept for the next request when its last answer was read whole. */
    private void giveBack(LinkConnection connection, boolean reusable) {
        if (!lent.remove(connection)) {
            return;
        }
        boolean keep = reusable && !closed && connection.isOpen();
        synchronized (idle) {
            if (keep && idle.size() < MAX_IDLE) {
                idle.push(connection);
                keep = false;
                connection = null;
            }
        }
        if (connection != null) {
            connection.close();
        }
        permits.release();
    }

    private static JsonNode json(LinkHttp.Response response) throws IOException {
        byte[] bytes = response.body().readNBytes(MAX_ANSWER_BYTES + 1);
        if (bytes.length > MAX_ANSWER_BYTES) {
            throw new IOException("the box's answer is over " + MAX_ANSWER_BYTES + " bytes");
        }
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    /** Whether the box keeps the connection for another request (it closes it after pairing, for one). */
    private static boolean keepsOpen(LinkHttp.Response response) {
        return !"close".equalsIgnoreCase(response.header("connection").orElse(""));
    }

    private static BoxUnreachableException broken(IOException e) {
        return new BoxUnreachableException("the link to the box broke (" + e.getMessage() + "); connect again", e);
    }

    private static JsonNode expect(Answer answer, int status) {
        if (answer.status() != status) {
            String reason = answer.body().path("reason").asText("");
            throw new BoxRefusedException(answer.status(), BoxRefusal.named(reason), reason,
                    answer.body().path("error").asText("the box answered " + answer.status()));
        }
        return answer.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Whether requests can still be sent (until {@link #close}). */
    public boolean isOpen() {
        return !closed;
    }

    /** Hangs up every connection, the idle ones and those still carrying a stream. */
    @Override
    public void close() {
        closed = true;
        synchronized (idle) {
            idle.forEach(LinkConnection::close);
            idle.clear();
        }
        lent.forEach(LinkConnection::close);
    }

    /** A response body that gives its connection back once read to the end, or hangs it up when closed early. */
    private final class LentBody extends FilterInputStream {
        private LinkConnection connection;
        private final boolean reusable;

        LentBody(InputStream body, LinkConnection connection, boolean reusable) {
            super(body);
            this.connection = connection;
            this.reusable = reusable;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                finished(true);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read;
            try {
                read = super.read(buffer, offset, length);
            } catch (IOException e) {
                finished(false);
                throw e;
            }
            if (read < 0) {
                finished(true);
            }
            return read;
        }

        @Override
        public void close() {
            finished(false);
        }

        private void finished(boolean whole) {
            if (connection != null) {
                giveBack(connection, whole && reusable);
                connection = null;
            }
        }
    }
}
