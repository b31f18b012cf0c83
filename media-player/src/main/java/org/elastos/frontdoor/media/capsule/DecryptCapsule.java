package org.elastos.frontdoor.media.capsule;

import org.elastos.frontdoor.capsule.CapsuleBundle;
import org.elastos.frontdoor.capsule.CapsuleException;
import org.elastos.frontdoor.capsule.CapsuleHost;
import org.elastos.frontdoor.capsule.CapsuleLimits;
import org.elastos.frontdoor.capsule.CapsuleManifest;
import org.elastos.frontdoor.capsule.Grant;
import org.elastos.frontdoor.capsule.KeySlot;
import org.elastos.frontdoor.capsule.LoadedCapsule;
import org.elastos.frontdoor.capsule.ShippedCapsule;
import org.elastos.frontdoor.capsule.TrustStore;
import org.elastos.frontdoor.media.CencDecryptor;
import org.elastos.frontdoor.media.Mp4Exception;
import org.elastos.frontdoor.wallet.audit.AuditLog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The decrypt capsule of one playback: our signed WASM module (capsule/decrypt/decrypt.c), run in the sandbox with
 * one grant, {@code media.decrypt}, bound to the playback's key slot. It parses each segment's
 * {@code moof/traf/saiz/saio/trun} and marks the protected ranges, which the host decrypts as the segment leaves it;
 * it never holds the key, nor a clear byte (ADR 0014). The init
 * segment carries no secret, so it is made clear here, in Java.
 */
public final class DecryptCapsule implements AutoCloseable {
    static final String BUNDLE = "decrypt.capsule";
    static final String MODULE = "decrypt/decrypt.wasm";
    /**
     * The largest segment taken: 12 MiB, 4 s at 24 Mbit/s, well inside the capsule's 16 MiB, so a segment too big is
     * refused here instead of stopping the capsule when it grows its memory.
     */
    public static final int MAX_SEGMENT_BYTES = 12 << 20;
    private static final ShippedCapsule SHIPPED = ShippedCapsule.of(DecryptCapsule.class, MODULE, new DecryptModule());

    /** Why the capsule refused a segment: its codes, named (decrypt.c says what each means). */
    public enum Refusal {
        MALFORMED(-1), UNSUPPORTED_LAYOUT(-2), BAD_AUXILIARY_INFO(-3), SAMPLE_OUTSIDE_MDAT(-4), BAD_SUBSAMPLES(-5),
        NO_IV_SIZE(-6), MOOF_WITHOUT_MDAT(-7), UNKNOWN(0),
        /** Larger than {@link #MAX_SEGMENT_BYTES}: refused before the capsule sees it. */
        TOO_LARGE(1);

        private final int code;

        Refusal(int code) {
            this.code = code;
        }

        static Refusal of(int code) {
            for (Refusal refusal : values()) {
                if (refusal.code == code) {
                    return refusal;
                }
            }
            return UNKNOWN;
        }
    }

    /** A segment the capsule would not decrypt; the capsule goes on. */
    public static final class SegmentRefused extends Exception {
        private final Refusal refusal;

        SegmentRefused(Refusal refusal, Throwable cause) {
            super("this segment is not one the player can decrypt (" + refusal + ")", cause);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private final LoadedCapsule capsule;
    private final byte[] clearInit;

    private DecryptCapsule(LoadedCapsule capsule, byte[] clearInit) {
        this.capsule = capsule;
        this.clearInit = clearInit;
    }

    /**
     * Loads the capsule for one film, its {@code media.decrypt} bound to {@code slot}.
     *
     * @param init      the film's encrypted init segment: it says the IV size, and is given back clear by {@link #clearInit()}
     * @param audit     where the grant, the use and any denial are written
     * @param dataRoot  the app's data folder (the capsule is granted none of it)
     * @throws Mp4Exception when the init segment is not a cenc film's
     */
    public static DecryptCapsule load(byte[] init, KeySlot slot, AuditLog audit, Path dataRoot) throws Mp4Exception {
        CencDecryptor.Protection protection = CencDecryptor.protectionOf(init);
        CapsuleBundle bundle = bundle();
        CapsuleManifest manifest = CapsuleHost.verify(bundle);
        if (!manifest.wasmSha256().equals(SHIPPED.sha256())) {
            throw new IllegalStateException("the decrypt capsule in this build is not the module it was compiled from;"
                    + " rebuild and re-sign it (media-player/README.md)");
        }
        CapsuleHost host = new CapsuleHost(TrustStore.only(manifest.publisher()), audit, dataRoot,
                CapsuleLimits.DEVICE_MAXIMUM, CapsuleHost.Execution.COMPILED, List.of(SHIPPED));
        LoadedCapsule capsule = host.load(bundle, List.of(Grant.of("media.decrypt")), slot);
        if (capsule.call("set_iv_size", protection.ivSize())[0] != 0) {
            capsule.close();
            throw new Mp4Exception("the capsule does not read " + protection.ivSize() + "-byte IVs");
        }
        return new DecryptCapsule(capsule, CencDecryptor.clearInit(init));
    }

    /** The signed bundle shipped in this jar. */
    static CapsuleBundle bundle() {
        try (InputStream in = DecryptCapsule.class.getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException("the decrypt capsule is missing from this build");
            }
            return CapsuleBundle.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The film's init segment in the clear, for the platform player. */
    public byte[] clearInit() {
        return clearInit.clone();
    }

    /**
     * One media segment, decrypted, its encryption boxes taken out.
     *
     * @throws SegmentRefused            when the capsule cannot read it (it goes on with the next)
     * @throws CapsuleException          when the capsule was stopped (a trap, its time budget, a denied call)
     */
    public byte[] segment(byte[] encrypted) throws SegmentRefused {
        if (encrypted.length > MAX_SEGMENT_BYTES) {
            throw new SegmentRefused(Refusal.TOO_LARGE, null);
        }
        try {
            return capsule.callWithBytes("decrypt_segment", encrypted, encrypted.length);
        } catch (CapsuleException.InputRefused e) {
            throw new SegmentRefused(Refusal.of(e.code()), e);
        } catch (CapsuleException.InputTooLarge e) {
            throw new SegmentRefused(Refusal.TOO_LARGE, e);
        }
    }

    @Override
    public void close() {
        capsule.close();
    }
}
