package org.elastos.frontdoor.link.relay;

import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The relay's few words, one ASCII line each, before the bytes of a connection are spliced:
 * <pre>
 * box    → relay  BOX did:key:...            relay → box  CHALLENGE base64url(32 bytes)
 * box    → relay  SIGNATURE hex              relay → box  OK | ERROR reason
 * relay  → box    INCOMING session           (on the box's registered control connection)
 * box    → relay  ACCEPT session             (a new connection, spliced to the app's)
 * app    → relay  CONNECT did:key:... [PASS p] relay → app  OK | ERROR reason   (then TLS, end to end)
 * relay ↔ box     PING / PONG                (keep the control connection alive and known to be)
 * box    → relay  PASS hash | UNPASS hash    (on the control connection: which passes let devices in)
 * </pre>
 * A device's pass (from its box, at enrollment) lets it into the share of the box's sessions kept for its devices;
 * the relay keeps only the passes' SHA-256 ({@link #passHash}), so it cannot use one itself.
 * The box signs {@value #REGISTER_DOMAIN}, a zero byte, then the challenge, so the signature means nothing elsewhere.
 */
public final class RelayProtocol {
    public static final String REGISTER_DOMAIN = "elastos.relay.register.v1";
    private static final int MAX_LINE = 4096;

    private RelayProtocol() {
    }

    /** What the relay keeps of a pass: its SHA-256, in hex. */
    public static String passHash(String pass) {
        return HexFormat.of().formatHex(org.elastos.frontdoor.wallet.Sha256.of(pass.getBytes(StandardCharsets.US_ASCII)));
    }

    public static byte[] registrationMessage(byte[] challenge) {
        byte[] domain = REGISTER_DOMAIN.getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[domain.length + 1 + challenge.length];
        System.arraycopy(domain, 0, message, 0, domain.length);
        System.arraycopy(challenge, 0, message, domain.length + 1, challenge.length);
        return message;
    }

    /** The box's side of CHALLENGE / SIGNATURE / OK, after it has named itself with BOX or BEACON. */
    public static void prove(InputStream in, OutputStream out, DidSigner box) throws IOException {
        String challenge = read(in);
        if (!challenge.startsWith("CHALLENGE ")) {
            throw new IOException("the relay said " + challenge);
        }
        byte[] nonce = Base64.getUrlDecoder().decode(challenge.substring(10).strip());
        send(out, "SIGNATURE " + HexFormat.of().formatHex(box.sign(registrationMessage(nonce))));
        String answer = read(in);
        if (!answer.equals("OK")) {
            throw new IOException("the relay refused the box: " + answer);
        }
    }

    public static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one line byte by byte, so not a byte past it is taken from the stream that will be spliced. */
    public static String read(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the relay connection closed");
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.US_ASCII);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("a relay line is over " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }
}
