package org.elastos.frontdoor.media;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encrypts a film's clear CMAF init segment and media segments with Common Encryption, scheme {@code cenc}: AES-128
 * in counter mode, an 8-byte IV per sample that never repeats under the key, audio samples whole and video by
 * subsample (each NAL unit's length and header in the clear, and as many bytes after them as keep the protected
 * part a multiple of 16; parameter sets and other non-picture NAL units wholly clear). Each track fragment gets its
 * {@code senc}, {@code saiz} and {@code saio}; the init segment gets {@code sinf/schm/tenc} and two {@code pssh}.
 *
 * <p>The key is used here and not kept: it is the packager's to hand to the box's key store.
 */
public final class CencEncryptor {
    /** A sample whose auxiliary information would pass 255 bytes keeps its last NAL units clear (saiz holds a byte). */
    private static final int MAX_SUBSAMPLES = 40;
    private static final int MAX_CLEAR = 0xffff;

    private final byte[] key;
    private final byte[] keyId;
    private final Cipher cipher;
    private final SecretKeySpec secret;
    private long nextIv;

    /**
     * @param firstIv where this film's per-sample IVs start (random); each sample takes the next, so none repeats
     */
    public CencEncryptor(byte[] key, byte[] keyId, long firstIv) {
        if (key.length != Cenc.KEY_SIZE || keyId.length != 16) {
            throw new IllegalArgumentException("a content key and a key id have 16 bytes each");
        }
        this.key = key.clone();
        this.keyId = keyId.clone();
        this.nextIv = firstIv;
        this.secret = new SecretKeySpec(this.key, "AES");
        try {
            this.cipher = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no AES-CTR", e);
        }
    }

    /** The init segment with its sample entries marked encrypted and the two {@code pssh} boxes. */
    public byte[] init(byte[] clear, byte[] ourPsshData) throws Mp4Exception {
        List<Box> boxes = new ArrayList<>(Box.parseAll(clear));
        Box moov = top(boxes, "moov");
        Track.of(moov);
        for (Box trak : moov.all("trak")) {
            Box stsd = trak.require("mdia").require("minf").require("stbl").require("stsd");
            Box entry = Track.sampleEntry(trak);
            String protectedFormat = switch (entry.type()) {
                case "avc1" -> "encv";
                case "mp4a" -> "enca";
                default -> null;
            };
            if (protectedFormat == null) {
                continue;
            }
            Box encrypted = entry.renamed(protectedFormat);
            encrypted.children().add(Cenc.sinf(entry.type(), keyId));
            stsd.children().set(0, encrypted);
        }
        moov.children().add(Cenc.pssh(Cenc.CLEAR_KEY_SYSTEM, keyId, new byte[0]));
        moov.children().add(Cenc.pssh(Cenc.ELASTOS_SYSTEM, keyId, ourPsshData));
        return Box.toBytes(boxes);
    }

    /**
     * One media segment, encrypted. Its {@code sidx} boxes, which HLS does not use and which would no longer match,
     * are left out; everything else keeps its order.
     */
    public byte[] segment(byte[] clear, List<Track> tracks) throws Mp4Exception {
        List<Box> boxes = Box.parseAll(clear);
        List<Box> out = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            long start = offset;
            offset += box.size();
            if (box.type().equals("sidx")) {
                continue;
            }
            if (!box.type().equals("moof")) {
                out.add(box);
                continue;
            }
            if (i + 1 >= boxes.size() || !boxes.get(i + 1).type().equals("mdat")) {
                throw new Mp4Exception("a moof must be followed by its mdat");
            }
            Box mdat = boxes.get(i + 1);
            byte[] data = mdat.payloadInPlace();
            long mdatPayloadStart = offset + 8;
            encryptFragment(box, start, mdatPayloadStart, data, tracks, clear.length);
            out.add(box);
        }
        return Box.toBytes(out);
    }

    private void encryptFragment(Box moof, long moofStart, long dataStart, byte[] data, List<Track> tracks, long length)
            throws Mp4Exception {
        long before = moof.size();
        for (Box traf : moof.all("traf")) {
            TrackRun run = TrackRun.of(traf, moofStart, length);
            Track track = tracks.stream().filter(t -> t.id() == run.trackId()).findFirst()
                    .orElseThrow(() -> new Mp4Exception("a fragment of track " + run.trackId() + ", which the init segment lacks"));
            List<byte[]> auxiliary = new ArrayList<>();
            for (int s = 0; s < run.sampleSizes().size(); s++) {
                int from = (int) (run.sampleOffsets().get(s) - dataStart);
                int size = run.sampleSizes().get(s);
                if (from < 0 || from + size > data.length) {
                    throw new Mp4Exception("a sample of track " + track.id() + " lies outside its mdat");
                }
                long iv = nextIv++;
                List<int[]> subsamples = track.isVideo() ? Subsamples.of(data, from, size, track.nalLengthSize(), MAX_SUBSAMPLES, MAX_CLEAR) : null;
                encrypt(data, from, size, iv, subsamples);
                auxiliary.add(auxiliaryInfo(iv, subsamples));
            }
            boolean video = track.isVideo();
            Box saiz = saiz(auxiliary);
            Box saio = Box.leaf("saio", ByteBuffer.allocate(12).putInt(0).putInt(1).putInt(0).array());
            Box senc = senc(auxiliary, video);
            traf.children().add(saiz);
            traf.children().add(saio);
            traf.children().add(senc);
        }
        int delta = (int) (moof.size() - before);
        for (Box traf : moof.all("traf")) {
            TrackRun.shiftDataOffsets(traf, delta);
        }
        // Now that the moof's layout is final, point each saio at the first IV of its senc.
        for (Box traf : moof.all("traf")) {
            Box senc = traf.all("senc").get(0);
            long at = Layout.offsetOf(moof, senc) + 8 + 8;
            traf.all("saio").get(0).setPayload(ByteBuffer.allocate(12).putInt(0).putInt(1).putInt((int) at).array());
        }
    }

    /** AES-CTR over the protected ranges only, the counter running on from one range to the next. */
    private void encrypt(byte[] data, int from, int size, long iv, List<int[]> subsamples) {
        Cipher cipher = cipher(iv);
        try {
            if (subsamples == null) {
                cipher.update(data, from, size, data, from);
                return;
            }
            int at = from;
            for (int[] subsample : subsamples) {
                at += subsample[0];
                if (subsample[1] > 0) {
                    cipher.update(data, at, subsample[1], data, at);
                }
                at += subsample[1];
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR in memory does not fail", e);
        }
    }

    /** The one cipher, set to a sample's counter: the IV, then a block count from zero. */
    private Cipher cipher(long iv) {
        try {
            byte[] counter = ByteBuffer.allocate(16).putLong(iv).putLong(0).array();
            cipher.init(Cipher.ENCRYPT_MODE, secret, new IvParameterSpec(counter));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR with a 16-byte key does not fail", e);
        }
    }

    private static byte[] auxiliaryInfo(long iv, List<int[]> subsamples) throws Mp4Exception {
        int size = Cenc.IV_SIZE + (subsamples == null ? 0 : 2 + 6 * subsamples.size());
        if (size > 255) {
            throw new Mp4Exception("a video sample splits into " + subsamples.size() + " ranges, more than saiz can describe");
        }
        ByteBuffer info = ByteBuffer.allocate(size).putLong(iv);
        if (subsamples != null) {
            info.putShort((short) subsamples.size());
            for (int[] subsample : subsamples) {
                info.putShort((short) subsample[0]).putInt(subsample[1]);
            }
        }
        return info.array();
    }

    private static Box saiz(List<byte[]> auxiliary) {
        boolean same = auxiliary.stream().mapToInt(a -> a.length).distinct().count() <= 1;
        int defaultSize = same && !auxiliary.isEmpty() ? auxiliary.get(0).length : 0;
        ByteBuffer payload = ByteBuffer.allocate(4 + 1 + 4 + (defaultSize == 0 ? auxiliary.size() : 0));
        payload.putInt(0).put((byte) defaultSize).putInt(auxiliary.size());
        if (defaultSize == 0) {
            auxiliary.forEach(a -> payload.put((byte) a.length));
        }
        return Box.leaf("saiz", payload.array());
    }

    private static Box senc(List<byte[]> auxiliary, boolean subsamples) {
        int size = 8 + auxiliary.stream().mapToInt(a -> a.length).sum();
        ByteBuffer payload = ByteBuffer.allocate(size).putInt(subsamples ? 0x2 : 0).putInt(auxiliary.size());
        auxiliary.forEach(payload::put);
        return Box.leaf("senc", payload.array());
    }

    private static Box top(List<Box> boxes, String type) throws Mp4Exception {
        return boxes.stream().filter(b -> b.type().equals(type)).findFirst()
                .orElseThrow(() -> new Mp4Exception("no " + type + " box: this is not an init segment"));
    }

    /** Clears the encryptor's own copy of the key (the JCE keeps one inside its key spec until it is collected). */
    public void forget() {
        Arrays.fill(key, (byte) 0);
    }
}
