package org.elastos.frontdoor.capsule;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host functions a capsule can import, all from module {@value #MODULE}; each is one capability. A capsule
 * gets the functions of its grants and nothing else: no WASI, no network, no clock.
 */
final class Capabilities {
    static final String MODULE = "elastos";
    static final String LOG = "log";
    static final String FOLDER_READ = "folder.read";
    static final String MEDIA_DECRYPT = "media.decrypt";

    /** Import name to capability name: every capability this device offers. */
    static final Map<String, String> BY_IMPORT = Map.of("log", LOG, "folder_read", FOLDER_READ, "media_decrypt", MEDIA_DECRYPT);

    static boolean offered(Grant grant) {
        return BY_IMPORT.containsValue(grant.capability());
    }

    static final int MAX_LOG_LINES_PER_CALL = 100;
    static final int MAX_LOG_BYTES_PER_CALL = 16 * 1024;
    /** The most ranges one call may mark for decryption: a 4 s 4K segment has a few thousand. */
    static final int MAX_DECRYPT_RANGES_PER_CALL = 65_536;

    private final String capsule;
    private final AuditLog audit;
    private final Path dataRoot;
    private final Optional<KeySlot> keySlot;
    private int logLines;
    private int logBytes;
    private long decryptedRanges;
    private long decryptedBytes;
    /** Whether the running call hands bytes back, and where they may lie: [roomStart, roomEnd). */
    private boolean handingBack;
    private long roomStart;
    private long roomEnd;
    private final List<MarkedRange> marked = new ArrayList<>();

    /** A range media_decrypt marked, decrypted as the bytes leave the capsule; its IV copied when it was marked. */
    private record MarkedRange(byte[] iv, long streamOffset, int at, int length) {
    }

    Capabilities(String capsule, AuditLog audit, Path dataRoot, Optional<KeySlot> keySlot) {
        this.capsule = capsule;
        this.audit = audit;
        this.dataRoot = dataRoot.toAbsolutePath().normalize();
        this.keySlot = keySlot;
    }

    /**
     * The capsule is unloaded: what it decrypted goes to the audit log as one line. A line per range would be
     * thousands a film; the grant, the first use and this total say who used which key, and how much.
     */
    void closing() {
        if (decryptedRanges > 0) {
            audit.record(capsule, "use", "media.decrypt: " + decryptedRanges + " ranges, " + decryptedBytes + " bytes in all");
            decryptedRanges = 0;
            decryptedBytes = 0;
        }
    }

    /** A new call begins: the per-call log budget starts again, and it hands back no bytes until told so. */
    void newCall() {
        logLines = 0;
        logBytes = 0;
        handingBack = false;
        marked.clear();
    }

    /** The running call hands back bytes from {@code at}, at most {@code capacity} of them: media_decrypt may mark ranges there. */
    void handsBackBytes(long at, int capacity) {
        handingBack = true;
        roomStart = at;
        roomEnd = at + capacity;
    }

    /**
     * The running call handed back {@code output}, read from {@code at} in the capsule's memory: every range it marked
     * is decrypted in it now, on its way out, so the capsule never holds a clear byte. A range before the start or
     * past the end of what was handed back stops the capsule.
     */
    void decryptOnTheWayOut(byte[] output, long at) {
        if (marked.isEmpty()) {
            return;
        }
        for (MarkedRange range : marked) {
            if (range.at() < at || range.at() + (long) range.length() > at + output.length) {
                audit.record(capsule, "deny", "media.decrypt: " + range.length() + " bytes at " + range.at()
                        + " lie outside the " + output.length + " bytes handed back from " + at);
                throw new CapsuleException.CapabilityDenied(capsule + " marked bytes for decryption outside what it"
                        + " handed back, and was stopped");
            }
        }
        KeySlot slot = keySlot.orElseThrow();
        for (MarkedRange range : marked) {
            slot.decryptCtr(range.iv(), range.streamOffset(), output, (int) (range.at() - at), range.length());
            if (decryptedRanges++ == 0) {
                audit.record(capsule, "use", "media.decrypt: first range, " + range.length() + " bytes");
            }
            decryptedBytes += range.length();
        }
    }

    List<HostFunction> functionsFor(List<Grant> grants) {
        List<HostFunction> functions = new ArrayList<>();
        for (Grant grant : grants) {
            switch (grant.capability()) {
                case LOG -> functions.add(new HostFunction(MODULE, "log",
                        FunctionType.of(List.of(ValType.I32, ValType.I32), List.of()), (instance, args) -> log(instance, args)));
                case FOLDER_READ -> functions.add(new HostFunction(MODULE, "folder_read",
                        FunctionType.of(List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32), List.of(ValType.I32)),
                        (instance, args) -> folderRead(grant, instance, args)));
                case MEDIA_DECRYPT -> functions.add(new HostFunction(MODULE, "media_decrypt",
                        FunctionType.of(List.of(ValType.I32, ValType.I32, ValType.I64, ValType.I32, ValType.I32), List.of(ValType.I32)),
                        (instance, args) -> mediaDecrypt(instance, args)));
                default -> throw new IllegalStateException("grants are filtered to offered capabilities first: " + grant);
            }
        }
        return functions;
    }

    private long[] log(Instance instance, long... args) {
        int length = (int) args[1];
        logLines++;
        logBytes += Math.max(0, length);
        if (logLines > MAX_LOG_LINES_PER_CALL || logBytes > MAX_LOG_BYTES_PER_CALL) {
            audit.record(capsule, "deny", "log: more than " + MAX_LOG_LINES_PER_CALL + " lines or "
                    + MAX_LOG_BYTES_PER_CALL / 1024 + " KiB in one call");
            throw new CapsuleException.LogFlooded(capsule + " wrote more log output than a call may ("
                    + MAX_LOG_LINES_PER_CALL + " lines, " + MAX_LOG_BYTES_PER_CALL / 1024 + " KiB) and was stopped");
        }
        String text = instance.memory().readString((int) args[0], length, StandardCharsets.UTF_8);
        audit.record(capsule, "use", "log: " + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
        return null;
    }

    /** folder_read(path, pathLength, buffer, bufferLength): bytes read, or -1 if there is no such file. */
    private long[] folderRead(Grant grant, Instance instance, long... args) {
        String requested = instance.memory().readString((int) args[0], (int) args[1], StandardCharsets.UTF_8);
        Path allowed = dataRoot.resolve(grant.arg("folder").orElse("")).normalize();
        Optional<Path> inside = insideGrant(requested, allowed);
        if (inside.isEmpty()) {
            audit.record(capsule, "deny", "folder.read: \"" + requested + "\" is outside the granted folder " + grant.arg("folder").orElse("?"));
            throw new CapsuleException.CapabilityDenied(capsule + " asked to read \"" + requested + "\", outside the folder it"
                    + " was granted (" + grant.arg("folder").orElse("?") + "), and was stopped");
        }
        Path file = inside.get();
        if (!Files.isRegularFile(file)) {
            audit.record(capsule, "use", "folder.read: \"" + requested + "\" (no such file)");
            return new long[] {-1};
        }
        try {
            byte[] content = Files.readAllBytes(file);
            int length = Math.min(content.length, (int) args[3]);
            instance.memory().write((int) args[2], content, 0, length);
            audit.record(capsule, "use", "folder.read: \"" + requested + "\" (" + length + " bytes)");
            return new long[] {length};
        } catch (IOException e) {
            audit.record(capsule, "use", "folder.read: \"" + requested + "\" (unreadable)");
            return new long[] {-1};
        }
    }

    /**
     * media_decrypt(iv, ivLength, streamOffset, data, length) -> 0: marks a range of the bytes this call hands back for
     * decryption under the key bound at load. The range is decrypted when the bytes leave the capsule
     * ({@link #decryptOnTheWayOut}), so the capsule sees neither the key nor a clear byte, and no range is copied
     * out and back while it runs. The IV is read now, as it lies in the capsule's memory now.
     */
    private long[] mediaDecrypt(Instance instance, long... args) {
        if (keySlot.isEmpty()) {
            throw new IllegalStateException("media.decrypt is granted only with a key slot");
        }
        int ivAt = (int) args[0];
        int ivLength = (int) args[1];
        long streamOffset = args[2];
        int at = (int) args[3];
        int length = (int) args[4];
        Memory memory = instance.memory();
        long size = (long) memory.pages() * Memory.PAGE_SIZE;
        if ((ivLength != 8 && ivLength != 16) || streamOffset < 0 || length < 0 || ivAt < 0 || (long) ivAt + ivLength > size) {
            audit.record(capsule, "deny", "media.decrypt: an IV of " + ivLength + " bytes at " + ivAt + ", " + length
                    + " bytes at " + at + ", stream offset " + streamOffset + ", in " + size + " bytes of memory");
            throw new CapsuleException.CapabilityDenied(capsule + " asked to decrypt with an IV outside its memory or not of"
                    + " 8 or 16 bytes, a negative length or a negative stream offset, and was stopped");
        }
        // The room lies inside the capsule's memory (callWithBytes checked it), and memory only grows.
        if (!handingBack || at < roomStart || (long) at + length > roomEnd) {
            audit.record(capsule, "deny", "media.decrypt: " + length + " bytes at " + at + ", outside the bytes this call"
                    + " hands back" + (handingBack ? " (" + roomStart + " to " + roomEnd + ")" : " (it hands back none)"));
            throw new CapsuleException.CapabilityDenied(capsule + " asked to decrypt bytes it does not hand back, and was stopped");
        }
        if (marked.size() == MAX_DECRYPT_RANGES_PER_CALL) {
            audit.record(capsule, "deny", "media.decrypt: more than " + MAX_DECRYPT_RANGES_PER_CALL + " ranges in one call");
            throw new CapsuleException.CapabilityDenied(capsule + " marked more than " + MAX_DECRYPT_RANGES_PER_CALL
                    + " ranges for decryption in one call, and was stopped");
        }
        marked.add(new MarkedRange(memory.readBytes(ivAt, ivLength), streamOffset, at, length));
        return new long[] {0};
    }

    /** The file, if the path names one inside the granted folder, links resolved. */
    private Optional<Path> insideGrant(String requested, Path allowed) {
        if (requested.isEmpty() || requested.indexOf('\0') >= 0 || Path.of(requested).isAbsolute()) {
            return Optional.empty();
        }
        Path candidate = dataRoot.resolve(requested).normalize();
        if (!candidate.startsWith(allowed) || candidate.equals(allowed)) {
            return Optional.empty();
        }
        try {
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)
                    && !candidate.toRealPath().startsWith(allowed.toRealPath())) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}
