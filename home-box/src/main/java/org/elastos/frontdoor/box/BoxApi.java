package org.elastos.frontdoor.box;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.box.shop.LicenseDesk;
import org.elastos.frontdoor.box.shop.Shop;
import org.elastos.frontdoor.box.shop.VendingMachines;
import org.elastos.frontdoor.box.shop.Workshop;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.link.BoxRefusal;
import org.elastos.frontdoor.link.InviteRefusedException;
import org.elastos.frontdoor.media.license.LicenseRefusal;
import org.elastos.frontdoor.wallet.audit.AuditUnavailableException;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The box's HTTP API over the link. Every request comes with the DID its TLS handshake proved; every decision,
 * allowed or denied, goes to the audit trail under that DID (strangers' counted, see {@link AuditTrail}). Nothing
 * here touches a socket: {@link BoxHttp} reads requests and writes the {@link Reply}s.
 */
final class BoxApi {
    static final int MAX_JSON = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,18})-(\\d{0,18})");

    private final BoxState box;
    private final Clock clock;
    private final Consumer<DidKey> disconnect;
    private final AuditTrail audit;
    private final Uploads uploads;
    private final Supplier<Optional<Envelope>> auditHead;
    private final RelayPasses passes;
    private final Runnable devicesChanged;
    private final Shop shop;
    private final LicenseDesk licenses;
    private final Workshop workshop;

    BoxApi(BoxState box, Clock clock, Consumer<DidKey> disconnect, AuditTrail audit, Uploads uploads,
           Supplier<Optional<Envelope>> auditHead, RelayPasses passes, Runnable devicesChanged, Shop shop,
           LicenseDesk licenses, Workshop workshop) {
        this.workshop = workshop;
        this.passes = passes;
        this.devicesChanged = devicesChanged;
        this.shop = shop;
        this.licenses = licenses;
        this.box = box;
        this.clock = clock;
        this.disconnect = disconnect;
        this.audit = audit;
        this.uploads = uploads;
        this.auditHead = auditHead;
    }

    /** Answers one request whose body (at most {@link #MAX_JSON} bytes) has arrived whole. */
    Reply handle(BoxRequest request, Peer peer, byte[] body) throws IOException {
        String route = request.route();
        try {
            return dispatch(request, peer, body);
        } catch (IllegalArgumentException e) {
            audit.decided(peer, "deny", route + ": bad request", route + ": " + e.getMessage());
            return Reply.refused(400, BoxRefusal.BAD_REQUEST, e.getMessage());
        } catch (NoSuchFileException e) {
            return Reply.refused(404, BoxRefusal.NOT_FOUND, "no such file or folder");
        }
    }

    private Reply dispatch(BoxRequest request, Peer peer, byte[] body) throws IOException {
        String route = request.route();
        String authorization = request.authorization();
        try {
            return switch (route) {
                case "GET /info" -> info(peer);
                case "POST /pair" -> pair(body, peer);
                case "GET /enrollment" -> enrollment(peer);
                case "GET /list" -> {
                    String folder = request.param("path").orElse("");
                    yield authorized(authorization, peer, "read", folder, route).orElseGet(() -> list(folder));
                }
                case "GET /file" -> {
                    String file = request.param("path").orElse("");
                    yield authorized(authorization, peer, "read", file, route).orElseGet(() -> file(file, request.range()));
                }
                case "POST /folder" -> {
                    String folder = readJson(body).path("path").asText("");
                    yield authorized(authorization, peer, "write", folder, route).orElseGet(() -> unchecked(() -> makeFolder(folder, peer)));
                }
                case "GET /events" -> authorized(authorization, peer, "read", "events", route).orElse(new Reply.Events());
                case "GET /audit/head" -> authorized(authorization, peer, "read", "audit", route).orElseGet(this::auditHead);
                case "GET /devices" -> authorized(authorization, peer, "admin", "devices", route).orElseGet(this::devices);
                case "POST /devices/revoke", "POST /devices/approve" -> authorized(authorization, peer, "admin", "devices", route)
                        .orElseGet(() -> changeDevice(route.endsWith("revoke"), body, peer));
                case "GET /store" -> catalog(peer);
                case "GET /store/item" -> item(peer, contentId(request));
                case "GET /store/file" -> storeFile(peer, contentId(request), request.param("name").orElse(""), request.range());
                case "POST /store/license" -> license(peer, body);
                case "GET /machines" -> authorized(authorization, peer, "admin", "machines", route).orElseGet(this::machines);
                case "POST /machines/make" -> authorized(authorization, peer, "admin", "machines", route)
                        .orElseGet(() -> unchecked(() -> makeMachine(body, peer)));
                case "GET /machines/job" -> {
                    String id = request.param("id").orElse("");
                    yield authorized(authorization, peer, "admin", "machines", route).orElseGet(() -> machineJob(id));
                }
                case "POST /machines/listed", "POST /machines/take-back" -> authorized(authorization, peer, "admin", "machines", route)
                        .orElseGet(() -> unchecked(() -> settleMachine(route.endsWith("listed"), body, peer)));
                default -> {
                    audit.decided(peer, "deny", route + ": no such API", route + ": no such API");
                    yield Reply.refused(404, BoxRefusal.NOT_FOUND, "no such API: " + route);
                }
            };
        } catch (Unchecked e) {
            throw e.getCause();
        }
    }

    /** A request whose head could not be read or checked (a broken escape, a name too long): refused, and logged. */
    Reply unreadable(Peer peer, String method, String why) {
        audit.decided(peer, "deny", method + ": unreadable request", method + ": " + why);
        return Reply.refused(400, BoxRefusal.BAD_REQUEST, why);
    }

    /** A stranger over its rate: refused, and counted like every other denial. */
    Reply tooMany(Peer peer, String method) {
        audit.decided(peer, "deny", method + ": too many requests", method + ": too many requests");
        return Reply.refused(429, BoxRefusal.TOO_MANY_REQUESTS, "too many requests; slow down");
    }

    /** The start of an upload: refused at once, or a sink for its body. */
    sealed interface Upload {
        record Refused(Reply reply) implements Upload {
        }

        record Accepted(Uploads.Sink sink, String path) implements Upload {
        }
    }

    Upload beginUpload(BoxRequest request, Peer peer, long length) throws IOException {
        try {
            return reserve(request, peer, length);
        } catch (IllegalArgumentException e) {
            audit.decided(peer, "deny", "PUT /file: bad request", "PUT /file: " + e.getMessage());
            return new Upload.Refused(Reply.refused(400, BoxRefusal.BAD_REQUEST, e.getMessage()));
        } catch (NoSuchFileException e) {
            return new Upload.Refused(Reply.refused(404, BoxRefusal.NOT_FOUND, "no such folder"));
        }
    }

    private Upload reserve(BoxRequest request, Peer peer, long length) throws IOException {
        String authorization = request.authorization();
        String relative = request.param("path").orElse("");
        try {
            Optional<Reply> refused = authorized(authorization, peer, "write", relative, request.route());
            if (refused.isPresent()) {
                return new Upload.Refused(refused.get());
            }
            int slash = relative.lastIndexOf('/');
            if (slash <= 0 || slash == relative.length() - 1) {
                throw new IllegalArgumentException("name the file to write inside a folder, like Films/holiday.mp4");
            }
            Path folder = box.folders().resolve(relative.substring(0, slash));
            String name = relative.substring(slash + 1);
            if (name.startsWith(".") || name.contains("\0") || !Files.isDirectory(folder)) {
                throw new IllegalArgumentException("cannot write \"" + name + "\" there");
            }
            try {
                return new Upload.Accepted(uploads.begin(folder.resolve(name), "true".equals(request.param("replace").orElse("")),
                        length), relative);
            } catch (Uploads.Refused taken) {
                return new Upload.Refused(uploadRefused(taken.refusal(), relative, length));
            }
        } catch (Unchecked e) {
            throw e.getCause();
        }
    }

    /** Publishes an upload whose every byte arrived. */
    Reply finishUpload(Upload.Accepted upload, Peer peer) throws IOException {
        try {
            upload.sink().finish();
        } catch (Uploads.Refused refused) {
            return uploadRefused(refused.refusal(), upload.path(), upload.sink().length());
        }
        audit.decided(peer, "write", "PUT /file", upload.path() + " (" + upload.sink().length() + " bytes)");
        return Reply.ok(JSON.createObjectNode().put("path", upload.path()).put("size", upload.sink().length()));
    }

    /** An upload cut off before its end: nothing is kept. */
    void abandonUpload(Upload.Accepted upload, Peer peer, String why) {
        upload.sink().abort();
        try {
            audit.decided(peer, "error", "PUT /file: cut off", "upload of " + upload.path() + " cut off: " + why);
        } catch (AuditUnavailableException e) {
            // Nothing was kept, so nothing is left to refuse; the log is already failing loudly elsewhere.
        }
    }

    private static Reply uploadRefused(Uploads.Refusal refusal, String path, long length) {
        return switch (refusal) {
            case EXISTS -> Reply.refused(409, BoxRefusal.ALREADY_EXISTS, path + " already exists; upload with replace to overwrite it");
            case BUSY -> Reply.refused(409, BoxRefusal.BUSY, "another upload to " + path + " is under way; try again when it is done");
            case NO_ROOM -> Reply.refused(507, BoxRefusal.NO_ROOM, "the box has no room for " + length + " more bytes");
        };
    }

    private Reply info(Peer peer) {
        audit.decided(peer, "allow", "GET /info", "GET /info");
        ObjectNode body = JSON.createObjectNode().put("box_did", box.key().did().value()).put("name", box.name())
                .put("has_owner", box.devices().hasOwner());
        ArrayNode folders = body.putArray("folders");
        BoxFolders.FOLDERS.forEach(folders::add);
        return Reply.ok(body);
    }

    private Reply pair(byte[] request, Peer peer) throws IOException {
        JsonNode body = readJson(request);
        String name = body.path("device_name").asText("").strip();
        if (name.isEmpty() || name.length() > 64) {
            throw new IllegalArgumentException("a device name has 1 to 64 characters");
        }
        DidKey did = peer.did();
        Optional<Device> known = box.devices().find(did);
        if (known.isPresent()) {
            String state = known.get().state().name().toLowerCase();
            audit.decided(peer, "deny", "POST /pair: already known", "pair: already " + state);
            return new Reply.Json(409, Reply.error("this device is already known to the box (" + state + ")")
                    .put("reason", "ALREADY_KNOWN"));
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
            audit.decided(peer, "deny", "POST /pair: " + refused.reason(), "pair: " + refused.reason() + ": " + refused.getMessage());
            int status = switch (refused.reason()) {
                case ALREADY_USED -> 409;
                case EXPIRED -> 410;
                default -> 403;
            };
            return new Reply.Json(status, Reply.error(refused.getMessage()).put("reason", refused.reason().name()));
        }
        DeviceRegistry.Enrolled enrolled = box.devices().enroll(did, name, clock.instant(), box.tokens(), device -> {
            if (device.state() == Device.State.ACTIVE) {
                audit.record(did.value(), "grant", "enrolled \"" + name + "\" as owner");
            } else {
                audit.record(did.value(), "pending", "\"" + name + "\" waits for an owner's approval");
            }
        });
        if (enrolled.token().isPresent()) {
            devicesChanged.run();
            return Reply.ok(JSON.createObjectNode().put("status", "enrolled").put("role", "owner").put("token", enrolled.token().get())
                    .put("relay_pass", passes.passOf(did)));
        }
        return new Reply.Json(202, JSON.createObjectNode().put("status", "pending")
                .put("message", "approve this device from a device that owns the box"));
    }

    private Reply enrollment(Peer peer) {
        Optional<Device> device = box.devices().find(peer.did());
        if (device.isEmpty()) {
            audit.decided(peer, "deny", "GET /enrollment: not paired", "enrollment: not paired");
            return Reply.refused(404, BoxRefusal.NOT_ENROLLED, "this device has not asked to pair");
        }
        return switch (device.get().state()) {
            case PENDING -> new Reply.Json(202, JSON.createObjectNode().put("status", "pending"));
            case REVOKED -> {
                audit.record(peer.did().value(), "deny", "enrollment: revoked");
                yield Reply.refused(403, BoxRefusal.REVOKED, "this device was revoked");
            }
            case ACTIVE -> {
                DeviceTokens.Issued issued = box.tokens().issue(peer.did(), device.get().role());
                audit.record(peer.did().value(), "grant", "token issued");
                box.devices().put(device.get().approved(issued.revocationId()));
                yield Reply.ok(JSON.createObjectNode().put("status", "enrolled")
                        .put("role", device.get().role().name().toLowerCase()).put("token", issued.token())
                        .put("relay_pass", passes.passOf(peer.did())));
            }
        };
    }

    /** Empty when the device's token allows {@code operation} on {@code resource}; otherwise the refusal, logged. */
    private Optional<Reply> authorized(String authorization, Peer peer, String operation, String resource, String route) {
        Optional<Device> device = box.devices().find(peer.did());
        if (device.isEmpty() || device.get().state() != Device.State.ACTIVE) {
            BoxRefusal why = device.isEmpty() ? BoxRefusal.NOT_ENROLLED
                    : device.get().state() == Device.State.PENDING ? BoxRefusal.AWAITING_APPROVAL : BoxRefusal.REVOKED;
            String words = switch (why) {
                case NOT_ENROLLED -> "this device is not enrolled; pair it first";
                case AWAITING_APPROVAL -> "this device waits for an owner's approval";
                default -> "this device was revoked";
            };
            audit.decided(peer, "deny", route + ": " + why, route + " " + resource + ": " + words);
            return Optional.of(Reply.refused(403, why, words));
        }
        String token = authorization.startsWith("Biscuit ") ? authorization.substring("Biscuit ".length()).strip() : "";
        DeviceTokens.Decision decision = box.tokens().authorize(token, peer.did(), operation, resource, box.devices().revokedTokenIds());
        audit.decided(peer, decision.allowed() ? "allow" : "deny", route, route + " " + resource
                + (decision.allowed() ? "" : ": " + decision.reason()));
        box.devices().seen(peer.did(), clock.instant());
        if (!decision.allowed()) {
            return Optional.of(Reply.refused(403, decision.refusal().orElseThrow(), decision.reason()));
        }
        return Optional.empty();
    }

    private Reply list(String folder) {
        ObjectNode body = JSON.createObjectNode().put("path", folder);
        ArrayNode entries = body.putArray("entries");
        for (BoxFolders.Entry entry : unchecked(() -> box.folders().list(folder))) {
            entries.addObject().put("name", entry.name()).put("folder", entry.folder()).put("size", entry.size())
                    .put("modified", entry.modified().toString());
        }
        return Reply.ok(body);
    }

    /**
     * Makes one new folder inside a folder that exists, under the same naming rules as an upload. Refused with
     * ALREADY_EXISTS when anything has that name, so two devices choosing the same new name learn which one won.
     */
    private Reply makeFolder(String relative, Peer peer) throws IOException {
        String clean = relative.replace('\\', '/');
        int slash = clean.lastIndexOf('/');
        if (slash <= 0 || slash == clean.length() - 1) {
            throw new IllegalArgumentException("name the new folder inside one of the box's folders, like Photos/Holiday");
        }
        String name = clean.substring(slash + 1);
        if (name.startsWith(".") || name.length() > 255) {
            throw new IllegalArgumentException("cannot make a folder named \"" + name + "\"");
        }
        Path parent = box.folders().resolve(clean.substring(0, slash));
        if (!Files.isDirectory(parent)) {
            throw new IllegalArgumentException(clean.substring(0, slash) + " is a file, not a folder");
        }
        try {
            Files.createDirectory(parent.resolve(name));
        } catch (FileAlreadyExistsException e) {
            audit.decided(peer, "deny", "POST /folder: exists", "POST /folder " + clean + ": already exists");
            return Reply.refused(409, BoxRefusal.ALREADY_EXISTS, clean + " already exists");
        }
        audit.decided(peer, "write", "POST /folder", clean);
        return Reply.ok(JSON.createObjectNode().put("path", clean));
    }

    private Reply file(String relative, Optional<String> range) {
        Path file = unchecked(() -> box.folders().resolve(relative));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(relative + " is a folder, not a file");
        }
        return slice(file, relative, range);
    }

    /** The whole file, or the byte range asked for. */
    private static Reply slice(Path file, String name, Optional<String> range) {
        long size = unchecked(() -> Files.size(file));
        if (range.isEmpty()) {
            return new Reply.FileSlice(200, file, 0, size, size);
        }
        Matcher matcher = RANGE.matcher(range.get().strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a range is bytes=FIRST- or bytes=FIRST-LAST, got " + range.get());
        }
        long start = Long.parseLong(matcher.group(1));
        if (start >= size) {
            return new Reply.RangeNotSatisfiable(size);
        }
        long end = matcher.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(matcher.group(2)), size - 1);
        if (end < start) {
            throw new IllegalArgumentException("a range of " + name + " ends before it starts: " + range.get());
        }
        return new Reply.FileSlice(206, file, start, end - start + 1, size);
    }

    /** The shop window, open to anyone with a device certificate: buyers are strangers to the seller's box. */
    private Reply catalog(Peer peer) {
        audit.decided(peer, "allow", "GET /store", "GET /store");
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        unchecked(shop::catalog).forEach(entry -> items.add(entry.toJson()));
        return Reply.ok(body);
    }

    private Reply item(Peer peer, byte[] contentId) {
        Optional<Envelope> entry = shop.entry(contentId);
        audit.decided(peer, entry.isPresent() ? "allow" : "deny", "GET /store/item", "GET /store/item " + hex(contentId));
        return entry.<Reply>map(envelope -> Reply.ok(envelope.toJson()))
                .orElse(Reply.refused(404, BoxRefusal.NOT_FOUND, "this box sells nothing with the content id " + hex(contentId)));
    }

    private Reply storeFile(Peer peer, byte[] contentId, String name, Optional<String> range) {
        Path file = unchecked(() -> shop.file(contentId, name));
        audit.decided(peer, "allow", "GET /store/file", "GET /store/file " + hex(contentId) + " " + name);
        return slice(file, name, range);
    }

    /** A license, or the first check it failed; every grant is its own audit entry, never with the key. */
    private Reply license(Peer peer, byte[] body) {
        try {
            LicenseDesk.Grant grant = licenses.grant(body);
            audit.record(peer.did().value(), "grant", "license for " + grant.contentId() + " to " + grant.holder());
            return Reply.ok(grant.license().toJson());
        } catch (LicenseRefusal refused) {
            audit.decided(peer, "deny", "POST /store/license: " + refused.reason(), "license: " + refused.reason() + ": " + refused.getMessage());
            int status = switch (refused.reason()) {
                case MALFORMED, STALE -> 400;
                case BAD_SIGNATURE -> 403;
                case NO_RIGHT -> 402;
                case UNKNOWN_ITEM -> 404;
                case REPLAYED, WRONG_CHAIN -> 409;
                case CHAIN_UNREACHABLE, BUSY, UNKNOWN -> 503;
            };
            return new Reply.Json(status, Reply.error(refused.getMessage()).put("reason", refused.reason().name()));
        }
    }

    /** Every machine the box made: its file or folder, its seller, and its signed entry (unlisted: half made). */
    private Reply machines() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("machines");
        for (Shop.Machined machined : unchecked(() -> workshop.machines().shop().machines())) {
            ObjectNode machine = list.addObject().put("source", machined.machine().source())
                    .put("seller", machined.machine().seller().value()).put("made", machined.machine().made().toString());
            machine.set("entry", entryOf(machined.item()));
        }
        return Reply.ok(body);
    }

    private Reply makeMachine(byte[] request, Peer peer) throws IOException {
        JsonNode body = readJson(request);
        VendingMachines.Delivery delivery = switch (body.path("delivery").asText("")) {
            case "watch" -> VendingMachines.Delivery.WATCH;
            case "download" -> VendingMachines.Delivery.DOWNLOAD;
            default -> throw new IllegalArgumentException("delivery is watch or download");
        };
        String title = body.path("title").asText("").strip();
        if (title.length() > 200) {
            throw new IllegalArgumentException("a title has at most 200 characters");
        }
        long chainId = body.path("chain_id").asLong(0);
        if (chainId <= 0) {
            throw new IllegalArgumentException("name the chain by its id");
        }
        StoreItem.Listed where = new StoreItem.Listed(chainId, address(body, "market"));
        EvmAddress seller = address(body, "seller");
        URI rpc = URI.create(body.path("rpc_url").asText(""));
        try {
            return new Reply.Json(202, job(workshop.start(body.path("path").asText(""), delivery, title, where, seller, rpc,
                    peer.did().value())));
        } catch (Workshop.Refused refused) {
            return machineRefused(refused);
        }
    }

    private static EvmAddress address(JsonNode body, String field) {
        try {
            return new EvmAddress(body.path(field).asText(""));
        } catch (org.elastos.frontdoor.wallet.WalletException e) {
            throw new IllegalArgumentException(field + " is an address: 0x and 40 hex digits");
        }
    }

    private Reply machineJob(String id) {
        return workshop.job(id).<Reply>map(job -> Reply.ok(job(job)))
                .orElse(Reply.refused(404, BoxRefusal.NOT_FOUND, "the box keeps no job " + id + "; list the machines to see what was made"));
    }

    private ObjectNode job(Workshop.Job job) {
        ObjectNode body = JSON.createObjectNode().put("id", job.id()).put("source", job.source())
                .put("state", job.state().name().toLowerCase()).put("progress", job.progress()).put("detail", job.detail());
        job.failure().ifPresent(failure -> body.put("failure", failure.name()));
        job.item().ifPresent(item -> body.set("entry", entryOf(item)));
        return body;
    }

    private Reply settleMachine(boolean listed, byte[] request, Peer peer) throws IOException {
        String id = readJson(request).path("content_id").asText("");
        if (!id.matches("0x[0-9a-f]{32}")) {
            throw new IllegalArgumentException("a content id is 0x and 32 lower-case hex digits");
        }
        byte[] contentId = java.util.HexFormat.of().parseHex(id.substring(2));
        try {
            if (listed) {
                StoreItem item = workshop.listed(contentId, peer.did().value());
                return Reply.ok((ObjectNode) JSON.createObjectNode().set("entry", entryOf(item)));
            }
            workshop.takeBack(contentId, peer.did().value());
            return Reply.ok(JSON.createObjectNode().put("content_id", id).put("taken_back", true));
        } catch (Workshop.Refused refused) {
            return machineRefused(refused);
        }
    }

    /** The item's entry as the shop keeps it, signed by the box. */
    private ObjectNode entryOf(StoreItem item) {
        return shop.entry(item.contentId()).map(Envelope::toJson)
                .orElseThrow(() -> new Unchecked(new NoSuchFileException("the shop no longer has " + item.contentIdHex())));
    }

    private static Reply machineRefused(Workshop.Refused refused) {
        return switch (refused.reason()) {
            case BUSY -> Reply.refused(409, BoxRefusal.BUSY, refused.getMessage());
            case ALREADY_SELLING -> Reply.refused(409, BoxRefusal.ALREADY_EXISTS, refused.getMessage());
            case NOT_HALF_MADE -> Reply.refused(409, BoxRefusal.BAD_REQUEST, refused.getMessage());
            case NOT_LISTED -> Reply.refused(409, BoxRefusal.NOT_LISTED, refused.getMessage());
            case CHAIN_UNREACHABLE -> Reply.refused(503, BoxRefusal.CHAIN_UNREACHABLE, refused.getMessage());
        };
    }

    private static byte[] contentId(BoxRequest request) {
        String id = request.param("id").orElse("");
        if (!id.matches("0x[0-9a-f]{32}")) {
            throw new IllegalArgumentException("a content id is 0x and 32 lower-case hex digits");
        }
        return java.util.HexFormat.of().parseHex(id.substring(2));
    }

    private static String hex(byte[] contentId) {
        return "0x" + java.util.HexFormat.of().formatHex(contentId);
    }

    private Reply auditHead() {
        return auditHead.get().<Reply>map(envelope -> Reply.ok(envelope.toJson()))
                .orElse(Reply.refused(404, BoxRefusal.NOT_FOUND, "the box has not signed a checkpoint of its audit log yet"));
    }

    private Reply devices() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("devices");
        for (Device device : box.devices().all()) {
            list.addObject().put("did", device.did().value()).put("name", device.name())
                    .put("role", device.role().name().toLowerCase()).put("state", device.state().name().toLowerCase())
                    .put("enrolled_at", device.enrolledAt().toString()).put("last_seen", device.lastSeen().toString());
        }
        return Reply.ok(body);
    }

    private Reply changeDevice(boolean revoke, byte[] request, Peer peer) {
        DidKey target = DidKey.parse(unchecked(() -> readJson(request)).path("did").asText(""));
        Optional<Device> device = box.devices().find(target);
        if (device.isEmpty()) {
            return Reply.refused(404, BoxRefusal.NOT_FOUND, "no such device: " + target);
        }
        if (revoke) {
            audit.record(peer.did().value(), "revoke", target.value() + " (\"" + device.get().name() + "\")");
            box.devices().revoke(target);
            disconnect.accept(target);
            devicesChanged.run();
        } else {
            if (device.get().state() != Device.State.PENDING) {
                return Reply.refused(409, BoxRefusal.BAD_REQUEST, "that device is not waiting for approval");
            }
            audit.record(peer.did().value(), "grant", "approved " + target.value() + " (\"" + device.get().name() + "\")");
            box.devices().put(device.get().withState(Device.State.ACTIVE));
            devicesChanged.run();
        }
        return Reply.ok(JSON.createObjectNode().put("did", target.value()).put("state", revoke ? "revoked" : "active"));
    }

    private static JsonNode readJson(byte[] body) throws IOException {
        if (body.length > MAX_JSON) {
            throw new IllegalArgumentException("a request body has at most " + MAX_JSON + " bytes");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the request body is not a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the request body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** File work inside the lambdas of a switch: its IOException carried out and rethrown as it was. */
    private interface IoWork<T> {
        T run() throws IOException;
    }

    private static final class Unchecked extends RuntimeException {
        Unchecked(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static <T> T unchecked(IoWork<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new Unchecked(e);
        }
    }
}
