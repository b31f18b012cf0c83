package org.elastos.frontdoor.media.sealed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a sealed item holds: one file, or a folder of files, each by its path inside the item and its size, in the
 * order their bytes follow. A path is safe to write on any of our platforms: relative, without {@code .} or {@code ..}
 * segments, without characters Windows or macOS refuse, and unique even where names ignore case.
 */
public record SealedManifest(boolean folder, String name, List<Entry> entries) {
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_ENTRIES = 10_000;
    private static final int MAX_SEGMENT_BYTES = 255;
    private static final int MAX_PATH_CHARS = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Entry(String path, long size) {
        public Entry {
            if (size < 0) {
                throw new IllegalArgumentException("a file's size is never negative");
            }
            checkPath(path);
        }
    }

    public SealedManifest {
        entries = List.copyOf(entries);
        checkSegment(name);
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " files in one item");
        }
        if (!folder && (entries.size() != 1 || !entries.get(0).path().equals(name))) {
            throw new IllegalArgumentException("a file item holds exactly that file");
        }
        Set<String> files = new HashSet<>();
        for (Entry entry : entries) {
            if (!files.add(entry.path().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("\"" + entry.path() + "\" is in the item twice");
            }
        }
        for (Entry entry : entries) {
            String path = entry.path().toLowerCase(Locale.ROOT);
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                if (files.contains(path.substring(0, slash))) {
                    throw new IllegalArgumentException("\"" + entry.path() + "\" lies inside a file of the item");
                }
            }
        }
    }

    /** The bytes of every file together. */
    public long contentBytes() {
        return entries.stream().mapToLong(Entry::size).sum();
    }

    byte[] toBytes() {
        ObjectNode manifest = JSON.createObjectNode().put("kind", folder ? "folder" : "file").put("name", name);
        ArrayNode list = manifest.putArray("entries");
        entries.forEach(entry -> list.addObject().put("path", entry.path()).put("size", entry.size()));
        byte[] bytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("the list of files takes more than " + MAX_BYTES / 1024 + " KiB");
        }
        return bytes;
    }

    static SealedManifest parse(byte[] bytes) throws SealedRefused {
        try {
            JsonNode manifest = JSON.readTree(bytes);
            String kind = manifest.path("kind").asText("");
            if (!kind.equals("file") && !kind.equals("folder") || !manifest.path("name").isTextual()
                    || !manifest.path("entries").isArray()) {
                throw new IllegalArgumentException("a kind, a name and entries");
            }
            List<Entry> entries = new java.util.ArrayList<>();
            for (JsonNode entry : manifest.path("entries")) {
                if (!entry.path("path").isTextual() || !entry.path("size").canConvertToLong() || entries.size() == MAX_ENTRIES) {
                    throw new IllegalArgumentException("each entry has a path and a size");
                }
                entries.add(new Entry(entry.path("path").asText(), entry.path("size").asLong()));
            }
            return new SealedManifest(kind.equals("folder"), manifest.path("name").asText(), entries);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SealedRefused(SealedRefused.Reason.BAD_MANIFEST, "the list of what this item holds is unreadable"
                    + " or unsafe: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new SealedRefused(SealedRefused.Reason.BAD_MANIFEST, "the list of what this item holds is unreadable", e);
        }
    }

    private static void checkPath(String path) {
        if (path.isEmpty() || path.length() > MAX_PATH_CHARS) {
            throw new IllegalArgumentException("a path of 1 to " + MAX_PATH_CHARS + " characters");
        }
        for (String segment : path.split("/", -1)) {
            checkSegment(segment);
        }
    }

    /** One name in a path, as every platform we write to accepts it. */
    private static void checkSegment(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                || segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES
                || segment.endsWith(".") || segment.endsWith(" ")) {
            throw new IllegalArgumentException("\"" + segment + "\" is not a name a file may have here");
        }
        String base = segment.split("\\.", 2)[0].toUpperCase(Locale.ROOT);
        if (base.matches("CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]")) {
            throw new IllegalArgumentException("\"" + segment + "\" is a name Windows keeps for devices");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c == 0x7f || "\\/:*?\"<>|".indexOf(c) >= 0) {
                throw new IllegalArgumentException("\"" + segment + "\" holds a character a file name may not");
            }
        }
    }
}
