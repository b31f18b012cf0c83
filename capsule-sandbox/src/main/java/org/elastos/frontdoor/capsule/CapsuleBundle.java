package org.elastos.frontdoor.capsule;

import org.bouncycastle.util.encoders.Hex;
import org.elastos.frontdoor.wallet.Sha256;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A capsule as it travels: one {@code NAME.capsule} zip holding {@code manifest.json} (a signed envelope) and
 * {@code module.wasm}. Reading checks only the shape; {@link CapsuleHost} decides whether to trust it.
 */
public record CapsuleBundle(String manifestJson, byte[] wasm) {
    static final String MANIFEST = "manifest.json";
    static final String MODULE = "module.wasm";
    /** Larger entries are refused before they are read in full (zip bombs). */
    static final int MAX_ENTRY_BYTES = 32 << 20;
    /** A bundle is its two entries and a little zip framing; a larger file is refused before it is read. */
    public static final long MAX_BUNDLE_BYTES = 2L * MAX_ENTRY_BYTES + (1 << 20);

    public CapsuleBundle {
        wasm = wasm.clone();
    }

    @Override
    public byte[] wasm() {
        return wasm.clone();
    }

    public static String sha256(byte[] wasm) {
        return Hex.toHexString(Sha256.of(wasm));
    }

    /** Signs the manifest (its wasm hash filled in from the module) and packs both. */
    public static CapsuleBundle sign(DidSigner publisher, CapsuleManifest manifest, byte[] wasm) {
        CapsuleManifest bound = new CapsuleManifest(manifest.name(), manifest.version(), publisher.did(), sha256(wasm),
                manifest.requested(), manifest.limits());
        Envelope envelope = publisher.signEnvelope(EnvelopeDomains.CAPSULE, bound.toPayload());
        return new CapsuleBundle(envelope.toJsonString(), wasm);
    }

    /**
     * Reads a capsule file, refusing one larger than any capsule can be before reading it.
     *
     * @throws CapsuleException.BundleRejected when it is too large or not a capsule
     */
    public static CapsuleBundle read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BUNDLE_BYTES) {
            throw new CapsuleException.BundleRejected("this is not a capsule: " + file.getFileName() + " has " + size
                    + " bytes, more than any capsule (" + (MAX_BUNDLE_BYTES >> 20) + " MiB)", null);
        }
        return read(Files.readAllBytes(file));
    }

    public static CapsuleBundle read(byte[] zip) {
        String manifest = null;
        byte[] module = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = readCapped(in, entry.getName());
                switch (entry.getName()) {
                    case MANIFEST -> manifest = new String(content, StandardCharsets.UTF_8);
                    case MODULE -> module = content;
                    default -> throw new CapsuleException.BundleRejected("the capsule holds an unexpected file \""
                            + entry.getName() + "\"; a capsule is manifest.json and module.wasm only", null);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // ZipInputStream reports a malformed entry name as IllegalArgumentException: just as unreadable.
            throw new CapsuleException.BundleRejected("this is not a capsule file (not a readable zip): " + e.getMessage(), e);
        }
        if (manifest == null || module == null) {
            throw new CapsuleException.BundleRejected("a capsule needs both manifest.json and module.wasm", null);
        }
        CapsuleBundle bundle = new CapsuleBundle(manifest, module);
        // The zip format has bytes no reader looks at (the central directory, for one); a capsule must be exactly
        // what signing packed, so a change to any byte is caught, not only to the signed parts.
        if (!Arrays.equals(zip, bundle.toZip())) {
            throw new CapsuleException.BundleRejected("this capsule file was altered after it was packed (its bytes are"
                    + " not the ones signing wrote); do not run it", null);
        }
        return bundle;
    }

    /**
     * The zip in its one canonical form: stored (uncompressed, so no zlib version can change the bytes), fixed
     * timestamps, manifest first. The same capsule always packs to the same bytes.
     */
    public byte[] toZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : new String[] {MANIFEST, MODULE}) {
                byte[] content = name.equals(MANIFEST) ? manifestJson.getBytes(StandardCharsets.UTF_8) : wasm;
                CRC32 crc = new CRC32();
                crc.update(content);
                ZipEntry entry = new ZipEntry(name);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                entry.setCompressedSize(content.length);
                entry.setCrc(crc.getValue());
                entry.setTime(0);
                out.putNextEntry(entry);
                out.write(content);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
        return bytes.toByteArray();
    }

    private static byte[] readCapped(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read; (read = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, read);
            if (out.size() > MAX_ENTRY_BYTES) {
                throw new CapsuleException.BundleRejected(name + " is larger than " + (MAX_ENTRY_BYTES >> 20) + " MiB", null);
            }
        }
        return out.toByteArray();
    }
}
