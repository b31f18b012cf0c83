package org.elastos.frontdoor.media;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what any {@code cenc} packager wrote, apart from our encryptor: the key id and IV size from {@code tenc}, each
 * sample's IV and subsamples from the auxiliary information that {@code saiz} and {@code saio} point at (not from
 * wherever {@code senc} happens to be), and decrypts the protected ranges. It gives back clear segments: the
 * encryption boxes taken out, the sample entries back to their original format, the offsets fixed.
 */
public final class CencDecryptor {
    private final byte[] key;

    public CencDecryptor(byte[] key) {
        if (key.length != Cenc.KEY_SIZE) {
            throw new IllegalArgumentException("a content key has 16 bytes");
        }
        this.key = key.clone();
    }

    /** What an encrypted init segment says about its protection. */
    public record Protection(byte[] keyId, int ivSize, List<Track> tracks) {
    }

    public static Protection protectionOf(byte[] init) throws Mp4Exception {
        Box moov = moovOf(Box.parseAll(init));
        byte[] keyId = null;
        int ivSize = -1;
        for (Box trak : moov.all("trak")) {
            Box entry = Track.sampleEntry(trak);
            if (!entry.type().equals("encv") && !entry.type().equals("enca")) {
                continue;
            }
            Box sinf = entry.require("sinf");
            Fields schm = new Fields(sinf.require("schm").payload(), "schm");
            schm.skip(4);
            String scheme = new String(schm.bytes(4), StandardCharsets.ISO_8859_1);
            if (!scheme.equals("cenc")) {
                throw new Mp4Exception("the scheme is " + scheme + ", not cenc");
            }
            Fields tenc = new Fields(sinf.require("schi").require("tenc").payload(), "tenc");
            tenc.skip(4 + 2);
            int isProtected = tenc.u8();
            int size = tenc.u8();
            byte[] kid = tenc.bytes(16);
            if (isProtected != 1 || (size != 8 && size != 16)) {
                throw new Mp4Exception("tenc says protected=" + isProtected + " with " + size + "-byte IVs");
            }
            if (keyId != null && !Arrays.equals(keyId, kid)) {
                throw new Mp4Exception("the tracks are under two keys");
            }
            keyId = kid;
            ivSize = size;
        }
        if (keyId == null) {
            throw new Mp4Exception("no track is encrypted");
        }
        return new Protection(keyId, ivSize, Track.of(moov));
    }

    /** The init segment in the clear: each sample entry back to its original format, no sinf, no pssh. */
    public static byte[] clearInit(byte[] init) throws Mp4Exception {
        List<Box> boxes = Box.parseAll(init);
        Box moov = moovOf(boxes);
        moov.children().removeIf(box -> box.type().equals("pssh"));
        for (Box trak : moov.all("trak")) {
            Box stsd = trak.require("mdia").require("minf").require("stbl").require("stsd");
            Box entry = Track.sampleEntry(trak);
            if (entry.child("sinf").isEmpty()) {
                continue;
            }
            String original = new String(new Fields(entry.require("sinf").require("frma").payload(), "frma").bytes(4),
                    StandardCharsets.ISO_8859_1);
            Box clear = entry.renamed(original);
            clear.children().removeIf(box -> box.type().equals("sinf"));
            stsd.children().set(0, clear);
        }
        return Box.toBytes(boxes);
    }

    /** One media segment decrypted, with its encryption boxes taken out. */
    public byte[] segment(byte[] encrypted, Protection protection) throws Mp4Exception {
        List<Box> boxes = Box.parseAll(encrypted);
        long offset = 0;
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            long start = offset;
            offset += box.size();
            if (!box.type().equals("moof")) {
                continue;
            }
            if (i + 1 >= boxes.size() || !boxes.get(i + 1).type().equals("mdat")) {
                throw new Mp4Exception("a moof must be followed by its mdat");
            }
            Box mdat = boxes.get(i + 1);
            byte[] data = mdat.payloadInPlace();
            decryptFragment(encrypted, box, start, offset + 8, data, protection);
        }
        return Box.toBytes(boxes);
    }

    private void decryptFragment(byte[] segment, Box moof, long moofStart, long dataStart, byte[] data, Protection protection)
            throws Mp4Exception {
        long before = moof.size();
        for (Box traf : moof.all("traf")) {
            TrackRun run = TrackRun.of(traf, moofStart, segment.length);
            int samples = run.sampleSizes().size();
            int[] infoSizes = infoSizes(traf.require("saiz"), samples);
            long infoAt = moofStart + infoOffset(traf.require("saio"));
            for (int s = 0; s < samples; s++) {
                if (infoAt < 0 || infoAt + infoSizes[s] > segment.length) {
                    throw new Mp4Exception("saio points outside the segment");
                }
                Fields info = new Fields(Arrays.copyOfRange(segment, (int) infoAt, (int) infoAt + infoSizes[s]), "auxiliary info");
                infoAt += infoSizes[s];
                byte[] iv = info.bytes(protection.ivSize());
                int from = (int) (run.sampleOffsets().get(s) - dataStart);
                int size = run.sampleSizes().get(s);
                if (from < 0 || from + size > data.length) {
                    throw new Mp4Exception("a sample lies outside its mdat");
                }
                Cipher cipher = cipher(iv);
                if (info.remaining() == 0) {
                    update(cipher, data, from, size);
                    continue;
                }
                int ranges = info.u16();
                int at = from;
                for (int r = 0; r < ranges; r++) {
                    int clear = info.u16();
                    long protectedBytes = info.u32();
                    at += clear;
                    if (protectedBytes > from + size - at) {
                        throw new Mp4Exception("a subsample runs past the end of its sample");
                    }
                    update(cipher, data, at, (int) protectedBytes);
                    at += (int) protectedBytes;
                }
                if (at != from + size) {
                    throw new Mp4Exception("the subsamples cover " + (at - from) + " of a sample's " + size + " bytes");
                }
            }
            traf.children().removeIf(box -> box.type().equals("senc") || box.type().equals("saiz") || box.type().equals("saio"));
        }
        int delta = (int) (moof.size() - before);
        for (Box traf : moof.all("traf")) {
            TrackRun.shiftDataOffsets(traf, delta);
        }
    }

    private static int[] infoSizes(Box saiz, int samples) throws Mp4Exception {
        Fields fields = new Fields(saiz.payload(), "saiz");
        int flags = (int) (fields.u32() & 0xffffff);
        if ((flags & 1) != 0) {
            fields.skip(8);
        }
        int defaultSize = fields.u8();
        long count = fields.u32();
        if (count != samples) {
            throw new Mp4Exception("saiz describes " + count + " samples; the fragment has " + samples);
        }
        int[] sizes = new int[samples];
        for (int s = 0; s < samples; s++) {
            sizes[s] = defaultSize != 0 ? defaultSize : fields.u8();
        }
        return sizes;
    }

    private static long infoOffset(Box saio) throws Mp4Exception {
        Fields fields = new Fields(saio.payload(), "saio");
        long versionFlags = fields.u32();
        if ((versionFlags & 1) != 0) {
            fields.skip(8);
        }
        if (fields.u32() != 1) {
            throw new Mp4Exception("saio gives more than one offset for one run");
        }
        return (versionFlags >>> 24) == 1 ? fields.u64() : fields.u32();
    }

    private Cipher cipher(byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(iv, 16)));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no AES-CTR", e);
        }
    }

    private static void update(Cipher cipher, byte[] data, int at, int length) {
        try {
            cipher.update(data, at, length, data, at);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR in memory does not fail", e);
        }
    }

    private static Box moovOf(List<Box> boxes) throws Mp4Exception {
        return boxes.stream().filter(b -> b.type().equals("moov")).findFirst()
                .orElseThrow(() -> new Mp4Exception("no moov box: this is not an init segment"));
    }

}
