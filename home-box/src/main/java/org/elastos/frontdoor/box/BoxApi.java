package org.elastos.frontdoor.box;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.link.InviteRefusedException;
import org.elastos.frontdoor.link.LinkHttp;
import org.elastos.frontdoor.wallet.did.DidKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The box's HTTP API over the link. Every request comes with the DID its TLS handshake proved; every decision,
 * allowed or denied, goes to the audit log under that DID.
 */
final class BoxApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_JSON = 64 * 1024;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private static final long EVENT_KEEPALIVE_SECONDS = 15;

    private final BoxState box;
    private final Clock clock;
    private final Consumer<DidKey> disconnect;
    private final ChangeFeed changes;

    BoxApi(BoxState box, Clock clock, Consumer<DidKey> disconnect, ChangeFeed changes) {
        this.box = box;
        this.clock = clock;
        this.disconnect = disconnect;
        this.changes = changes;
    }

    void handle(LinkHttp.Request request, DidKey peer, OutputStream out) throws IOException {
        String path = request.target().split("\\?", 2)[0];
        Map<String, String> query = query(request.target());
        String route = request.method() + " " + path;
        try {
            switch (route) {
                case "GET /info" -> info(peer, out);
                case "POST /pair" -> pair(request, peer, out);
                case "GET /enrollment" -> enrollment(peer, out);
                case "GET /list" -> {
                    String folder = query.getOrDefault("path", "");
                    if (authorized(request, peer, "read", folder, route, out)) {
                        list(folder, out);
                    }
                }
                case "GET /file" -> {
                    String file = query.getOrDefault("path", "");
                    if (authorized(request, peer, "read", file, route, out)) {
                        file(request, file, out);
                    }
                }
                case "PUT /file" -> {
                    String file = query.getOrDefault("path", "");
                    if (authorized(request, peer, "write", file, route, out)) {
                        upload(request, peer, file, "true".equals(query.get("replace")), out);
                    }
                }
                case "GET /events" -> {
                    if (authorized(request, peer, "read", "events", route, out)) {
                        events(out);
                    }
                }
                case "GET /devices" -> {
                    if (authorized(request, peer, "admin", "devices", route, out)) {
                        devices(out);
                    }
                }
                case "POST /devices/revoke", "POST /devices/approve" -> {
                    if (authorized(request, peer, "admin", "devices", route, out)) {
                        changeDevice(route.endsWith("revoke"), request, peer, out);
                    }
                }
                default -> json(out, 404, error("no such API: " + route));
            }
        } catch (IllegalArgumentException e) {
            box.audit().record(peer.value(), "deny", route + ": " + e.getMessage());
            json(out, 400, error(e.getMessage()));
        } catch (NoSuchFileException e) {
            json(out, 404, error("no such file or folder"));
        }
    }

    private void info(DidKey peer, OutputStream out) throws IOException {
        box.audit().record(peer.value(), "allow", "GET /info");
        ObjectNode body = JSON.createObjectNode().put("box_did", box.key().did().value()).put("name", box.name())
                .put("has_owner", box.devices().hasOwner());
        ArrayNode folders = body.putArray("folders");
        BoxFolders.FOLDERS.forEach(folders::add);
        json(out, 200, body);
    }

    private void pair(LinkHttp.Request request, DidKey peer, OutputStream out) throws IOException {
        JsonNode body = JSON.readTree(request.bodyBytes(MAX_JSON));
        String name = body.path("device_name").asText("").strip();
        if (name.isEmpty() || name.length() > 64) {
            throw new IllegalArgumentException("a device name has 1 to 64 characters");
        }
        Optional<Device> known = box.devices().find(peer);
        if (known.isPresent()) {
            box.audit().record(peer.value(), "deny", "pair: already " + known.get().state().name().toLowerCase());
            json(out, 409, error("this device is already known to the box (" + known.get().state().name().toLowerCase() + ")"));
            return;
        }
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(body.path("secret").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the pairing secret is not base64url");
        }
        try {
            box.invites().use(secret);
        } catch (InviteRefusedException refused) {
            box.audit().record(peer.value(), "deny", "pair: " + refused.reason() + ": " + refused.getMessage());
            int status = switch (refused.reason()) {
                case ALREADY_USED -> 409;
                case EXPIRED -> 410;
                default -> 403;
            };
            json(out, status, error(refused.getMessage()).put("reason", refused.reason().name()));
            return;
        }
        boolean first = !box.devices().hasOwner();
        var now = clock.instant();
        if (first) {
            DeviceTokens.Issued issued = box.tokens().issue(peer, DeviceTokens.Role.OWNER);
            box.devices().put(new Device(peer, name, DeviceTokens.Role.OWNER, Device.State.ACTIVE, now, now,
                    Optional.of(issued.revocationId())));
            box.audit().record(peer.value(), "grant", "enrolled \"" + name + "\" as owner");
            json(out, 200, JSON.createObjectNode().put("status", "enrolled").put("role", "owner").put("token", issued.token()));
        } else {
            box.devices().put(new Device(peer, name, DeviceTokens.Role.MEMBER, Device.State.PENDING, now, now, Optional.empty()));
            box.audit().record(peer.value(), "pending", "\"" + name + "\" waits for an owner's approval");
            json(out, 202, JSON.createObjectNode().put("status", "pending")
                    .put("message", "approve this device from a device that owns the box"));
        }
    }

    private void enrollment(DidKey peer, OutputStream out) throws IOException {
        Optional<Device> device = box.devices().find(peer);
        if (device.isEmpty()) {
            json(out, 404, error("this device has not asked to pair"));
            return;
        }
        switch (device.get().state()) {
            case PENDING -> json(out, 202, JSON.createObjectNode().put("status", "pending"));
            case REVOKED -> {
                box.audit().record(peer.value(), "deny", "enrollment: revoked");
                json(out, 403, error("this device was revoked"));
            }
            case ACTIVE -> {
                DeviceTokens.Issued issued = box.tokens().issue(peer, device.get().role());
                box.devices().put(device.get().approved(issued.revocationId()));
                box.audit().record(peer.value(), "grant", "token issued");
                json(out, 200, JSON.createObjectNode().put("status", "enrolled")
                        .put("role", device.get().role().name().toLowerCase()).put("token", issued.token()));
            }
        }
    }

    private boolean authorized(LinkHttp.Request request, DidKey peer, String operation, String resource, String route,
                               OutputStream out) throws IOException {
        Optional<Device> device = box.devices().find(peer);
        if (device.isEmpty() || device.get().state() != Device.State.ACTIVE) {
            String why = device.isEmpty() ? "this device is not enrolled; pair it first"
                    : device.get().state() == Device.State.PENDING ? "this device waits for an owner's approval"
                    : "this device was revoked";
            box.audit().record(peer.value(), "deny", route + " " + resource + ": " + why);
            json(out, 403, error(why));
            return false;
        }
        String token = request.header("authorization").filter(h -> h.startsWith("Biscuit "))
                .map(h -> h.substring("Biscuit ".length()).strip()).orElse("");
        DeviceTokens.Decision decision = box.tokens().authorize(token, peer, operation, resource, box.devices().revokedTokenIds());
        box.audit().record(peer.value(), decision.allowed() ? "allow" : "deny", route + " " + resource
                + (decision.allowed() ? "" : ": " + decision.reason()));
        box.devices().seen(peer, clock.instant());
        if (!decision.allowed()) {
            json(out, 403, error(decision.reason()));
        }
        return decision.allowed();
    }

    private void list(String folder, OutputStream out) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("path", folder);
        ArrayNode entries = body.putArray("entries");
        for (BoxFolders.Entry entry : box.folders().list(folder)) {
            entries.addObject().put("name", entry.name()).put("folder", entry.folder()).put("size", entry.size())
                    .put("modified", entry.modified().toString());
        }
        json(out, 200, body);
    }

    private void file(LinkHttp.Request request, String relative, OutputStream out) throws IOException {
        Path file = box.folders().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(relative + " is a folder, not a file");
        }
        long size = Files.size(file);
        long start = 0;
        long end = size - 1;
        int status = 200;
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/octet-stream");
        headers.put("Accept-Ranges", "bytes");
        Optional<String> range = request.header("range");
        if (range.isPresent()) {
            Matcher matcher = RANGE.matcher(range.get().strip());
            if (!matcher.matches() || Long.parseLong(matcher.group(1)) >= size) {
                headers.put("Content-Range", "bytes */" + size);
                LinkHttp.writeResponseHead(out, 416, "Range Not Satisfiable", headers, 0);
                out.flush();
                return;
            }
            start = Long.parseLong(matcher.group(1));
            end = matcher.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(matcher.group(2)), size - 1);
            if (end < start) {
                throw new IllegalArgumentException("a range ends before it starts: " + range.get());
            }
            status = 206;
            headers.put("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        long length = size == 0 ? 0 : end - start + 1;
        LinkHttp.writeResponseHead(out, status, status == 206 ? "Partial Content" : "OK", headers, length);
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(start);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException(relative + " became shorter while it was sent");
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }
        out.flush();
    }

    /**
     * Streams the body into a hidden temporary file beside the target and moves it into place only once every byte
     * arrived, so a cut-off upload leaves nothing behind and a reader never sees half a file.
     */
    private void upload(LinkHttp.Request request, DidKey peer, String relative, boolean replace, OutputStream out)
            throws IOException {
        int slash = relative.lastIndexOf('/');
        if (slash <= 0 || slash == relative.length() - 1) {
            throw new IllegalArgumentException("name the file to write inside a folder, like Films/holiday.mp4");
        }
        Path folder = box.folders().resolve(relative.substring(0, slash));
        String name = relative.substring(slash + 1);
        if (name.startsWith(".") || name.contains("\0") || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("cannot write \"" + name + "\" there");
        }
        Path target = folder.resolve(name);
        if (Files.exists(target) && !replace) {
            json(out, 409, error(relative + " already exists; upload with replace to overwrite it"));
            return;
        }
        if (Files.getFileStore(folder).getUsableSpace() < request.length()) {
            json(out, 507, error("the box has no room for " + request.length() + " more bytes"));
            return;
        }
        Path partial = Files.createTempFile(folder, ".upload-", ".part");
        try {
            try (OutputStream file = Files.newOutputStream(partial)) {
                long copied = request.body().transferTo(file);
                if (copied != request.length()) {
                    throw new IOException("the upload stopped after " + copied + " of " + request.length() + " bytes");
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            box.audit().record(peer.value(), "error", "upload of " + relative + " cut off: " + e.getMessage());
            throw e;
        }
        box.audit().record(peer.value(), "write", relative + " (" + request.length() + " bytes)");
        json(out, 200, JSON.createObjectNode().put("path", relative).put("size", request.length()));
    }

    /** One JSON line per change, and a ping every 15 seconds, until the device hangs up. */
    private void events(OutputStream out) throws IOException {
        BlockingQueue<ObjectNode> queue = changes.listen();
        try {
            LinkHttp.writeStreamHead(out, 200, Map.of("Content-Type", "application/x-ndjson"));
            while (true) {
                ObjectNode event = queue.poll(EVENT_KEEPALIVE_SECONDS, TimeUnit.SECONDS);
                out.write(JSON.writeValueAsBytes(event != null ? event : JSON.createObjectNode().put("type", "ping")));
                out.write('\n');
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            changes.stopListening(queue);
        }
    }

    private void devices(OutputStream out) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("devices");
        for (Device device : box.devices().all()) {
            list.addObject().put("did", device.did().value()).put("name", device.name())
                    .put("role", device.role().name().toLowerCase()).put("state", device.state().name().toLowerCase())
                    .put("enrolled_at", device.enrolledAt().toString()).put("last_seen", device.lastSeen().toString());
        }
        json(out, 200, body);
    }

    private void changeDevice(boolean revoke, LinkHttp.Request request, DidKey peer, OutputStream out) throws IOException {
        DidKey target = DidKey.parse(JSON.readTree(request.bodyBytes(MAX_JSON)).path("did").asText(""));
        Optional<Device> device = box.devices().find(target);
        if (device.isEmpty()) {
            json(out, 404, error("no such device: " + target));
            return;
        }
        if (revoke) {
            box.devices().revoke(target);
            box.audit().record(peer.value(), "revoke", target.value() + " (\"" + device.get().name() + "\")");
            disconnect.accept(target);
        } else {
            if (device.get().state() != Device.State.PENDING) {
                json(out, 409, error("that device is not waiting for approval"));
                return;
            }
            box.devices().put(device.get().withState(Device.State.ACTIVE));
            box.audit().record(peer.value(), "grant", "approved " + target.value() + " (\"" + device.get().name() + "\")");
        }
        json(out, 200, JSON.createObjectNode().put("did", target.value()).put("state", revoke ? "revoked" : "active"));
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void json(OutputStream out, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        LinkHttp.writeResponseHead(out, status, reason(status), Map.of("Content-Type", "application/json"), bytes.length);
        out.write(bytes);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            default -> "Status";
        };
    }

    private static Map<String, String> query(String target) {
        Map<String, String> values = new HashMap<>();
        int mark = target.indexOf('?');
        if (mark < 0) {
            return values;
        }
        for (String pair : target.substring(mark + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
