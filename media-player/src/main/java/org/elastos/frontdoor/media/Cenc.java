package org.elastos.frontdoor.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The constants and small boxes of MPEG Common Encryption (ISO/IEC 23001-7) scheme {@code cenc} as we write it. */
public final class Cenc {
    /** W3C Clear Key's system id: its {@code pssh} lists the key id, so a standard player knows which key to ask for. */
    public static final byte[] CLEAR_KEY_SYSTEM = HexFormat.of().parseHex("1077efecc0b24d02ace33c1e52e2fb4b");
    /**
     * Our own system id (e1a5705f-05ed-4f7d-9c2a-7e0c1f1d3b6a, a random UUID chosen once for this project): its
     * {@code pssh} names the chain, the market and the content id the key is sold under, so a player knows where to
     * ask for a license.
     */
    public static final byte[] ELASTOS_SYSTEM = HexFormat.of().parseHex("e1a5705f05ed4f7d9c2a7e0c1f1d3b6a");
    public static final int IV_SIZE = 8;
    public static final int KEY_SIZE = 16;

    private Cenc() {
    }

    static Box tenc(byte[] keyId) {
        ByteBuffer payload = ByteBuffer.allocate(24);
        payload.putInt(0);                 // version 0, flags 0
        payload.put((byte) 0).put((byte) 0);   // reserved
        payload.put((byte) 1);             // default_isProtected
        payload.put((byte) IV_SIZE);       // default_Per_Sample_IV_Size
        payload.put(keyId);
        return Box.leaf("tenc", payload.array());
    }

    static Box sinf(String originalFormat, byte[] keyId) {
        Box frma = Box.leaf("frma", originalFormat.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer schm = ByteBuffer.allocate(12).putInt(0).put("cenc".getBytes(StandardCharsets.ISO_8859_1)).putInt(0x00010000);
        return Box.container("sinf", java.util.List.of(frma, Box.leaf("schm", schm.array()),
                Box.container("schi", java.util.List.of(tenc(keyId)))));
    }

    /** A version 1 {@code pssh} listing {@code keyId}, with {@code data} for the system's own use. */
    static Box pssh(byte[] system, byte[] keyId, byte[] data) {
        ByteBuffer payload = ByteBuffer.allocate(4 + 16 + 4 + 16 + 4 + data.length);
        payload.putInt(0x01000000).put(system).putInt(1).put(keyId).putInt(data.length).put(data);
        return Box.leaf("pssh", payload.array());
    }
}
