package org.elastos.frontdoor.box;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The devices enrolled on this box, kept in {@code devices.json} and rewritten atomically on every change. The
 * first device to enroll becomes the owner; later ones wait until an owner approves them.
 */
public final class DeviceRegistry {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LAST_SEEN_PRECISION = Duration.ofSeconds(30);

    private final Path file;
    private final Map<DidKey, Device> devices = new LinkedHashMap<>();

    public DeviceRegistry(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            load();
        }
    }

    public synchronized List<Device> all() {
        return List.copyOf(devices.values());
    }

    public synchronized Optional<Device> find(DidKey did) {
        return Optional.ofNullable(devices.get(did));
    }

    public synchronized boolean hasOwner() {
        return devices.values().stream().anyMatch(d -> d.role() == DeviceTokens.Role.OWNER && d.state() == Device.State.ACTIVE);
    }

    public synchronized boolean isRevoked(DidKey did) {
        Device device = devices.get(did);
        return device != null && device.state() == Device.State.REVOKED;
    }

    public synchronized Set<String> revokedTokenIds() {
        return devices.values().stream().filter(d -> d.state() == Device.State.REVOKED)
                .flatMap(d -> d.revocationId().stream()).collect(Collectors.toSet());
    }

    /** A device just enrolled, with its token when it was let in at once. */
    public record Enrolled(Device device, Optional<String> token) {
    }

    /**
     * Enrolls a device the box has not seen, deciding owner or pending and recording it in one step, so two devices
     * pairing at the same moment on a box without an owner never both become owner. {@code record} is called with
     * the device before anything changes; if it throws (the audit log cannot be written), nothing changes.
     */
    public synchronized Enrolled enroll(DidKey did, String name, Instant now, DeviceTokens tokens, Consumer<Device> record) {
        if (devices.containsKey(did)) {
            throw new IllegalStateException(did + " is already known to the box");
        }
        Device device;
        Optional<String> token = Optional.empty();
        if (hasOwner()) {
            device = new Device(did, name, DeviceTokens.Role.MEMBER, Device.State.PENDING, now, now, Optional.empty());
        } else {
            DeviceTokens.Issued issued = tokens.issue(did, DeviceTokens.Role.OWNER);
            device = new Device(did, name, DeviceTokens.Role.OWNER, Device.State.ACTIVE, now, now,
                    Optional.of(issued.revocationId()));
            token = Optional.of(issued.token());
        }
        record.accept(device);
        devices.put(did, device);
        save();
        return new Enrolled(device, token);
    }

    /** Records a device: active with its token's revocation id, or pending without one. */
    public synchronized Device put(Device device) {
        devices.put(device.did(), device);
        save();
        return device;
    }

    public synchronized Optional<Device> revoke(DidKey did) {
        Device device = devices.get(did);
        if (device == null) {
            return Optional.empty();
        }
        Device revoked = device.withState(Device.State.REVOKED);
        devices.put(did, revoked);
        save();
        return Optional.of(revoked);
    }

    /** Notes that the device was just seen; written to disk at most every 30 seconds per device. */
    public synchronized void seen(DidKey did, Instant now) {
        Device device = devices.get(did);
        if (device == null) {
            return;
        }
        boolean stale = Duration.between(device.lastSeen(), now).compareTo(LAST_SEEN_PRECISION) >= 0;
        devices.put(did, device.seenAt(now));
        if (stale) {
            save();
        }
    }

    private void load() {
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            for (JsonNode node : root.path("devices")) {
                Device device = new Device(DidKey.parse(node.path("did").asText()), node.path("name").asText(),
                        DeviceTokens.Role.valueOf(node.path("role").asText()), Device.State.valueOf(node.path("state").asText()),
                        Instant.parse(node.path("enrolled_at").asText()), Instant.parse(node.path("last_seen").asText()),
                        node.hasNonNull("revocation_id") ? Optional.of(node.path("revocation_id").asText()) : Optional.empty());
                devices.put(device.did(), device);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(file + " is damaged (" + e.getMessage() + "); the box will not start on a"
                    + " device list it cannot read. Restore it from a backup, or move it aside to start without devices", e);
        }
    }

    private void save() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("devices");
        for (Device device : new ArrayList<>(devices.values())) {
            ObjectNode node = list.addObject();
            node.put("did", device.did().value());
            node.put("name", device.name());
            node.put("role", device.role().name());
            node.put("state", device.state().name());
            node.put("enrolled_at", device.enrolledAt().toString());
            node.put("last_seen", device.lastSeen().toString());
            device.revocationId().ifPresent(id -> node.put("revocation_id", id));
        }
        try {
            AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }
}
