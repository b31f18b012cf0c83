package org.elastos.frontdoor.media.license;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;
import org.elastos.frontdoor.wallet.envelope.EnvelopeRejectedException;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A granted license: the content key sealed to the playback's key, in an envelope the selling box signs for
 * {@value EnvelopeDomains#FILM_LICENSE}, with the holder it was granted to and until when it may be opened.
 */
public record License(byte[] contentId, EvmAddress holder, byte[] recipientKey, LicenseSeal.Sealed sealed, Instant notAfter) {
    public License {
        contentId = contentId.clone();
        recipientKey = recipientKey.clone();
    }

    @Override
    public byte[] contentId() {
        return contentId.clone();
    }

    @Override
    public byte[] recipientKey() {
        return recipientKey.clone();
    }

    public Envelope sign(DidSigner box) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        ObjectNode payload = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("content_id", "0x" + HexFormat.of().formatHex(contentId)).put("holder", holder.value())
                .put("recipient_key", b64.encodeToString(recipientKey)).put("enc", b64.encodeToString(sealed.enc()))
                .put("sealed_key", b64.encodeToString(sealed.sealedKey())).put("not_after", notAfter.toString());
        return box.signEnvelope(EnvelopeDomains.FILM_LICENSE, payload);
    }

    /**
     * Reads a license and checks that {@code box} signed it.
     *
     * @throws EnvelopeRejectedException when it is not a license, or not that box's
     */
    public static License verify(Envelope envelope, DidKey box) {
        DidKey signer = envelope.verify(EnvelopeDomains.FILM_LICENSE);
        if (!signer.equals(box)) {
            throw new EnvelopeRejectedException("this license was signed by " + signer.fingerprint() + ", not by the box "
                    + box.fingerprint() + " that sells the film");
        }
        ObjectNode payload = envelope.payload();
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            String id = payload.path("content_id").asText("");
            if (!id.matches("0x[0-9a-f]{32}")) {
                throw new IllegalArgumentException("content_id");
            }
            return new License(HexFormat.of().parseHex(id.substring(2)), new EvmAddress(payload.path("holder").asText()),
                    b64.decode(payload.path("recipient_key").asText()),
                    new LicenseSeal.Sealed(b64.decode(payload.path("enc").asText()), b64.decode(payload.path("sealed_key").asText())),
                    Instant.parse(payload.path("not_after").asText()));
        } catch (IllegalArgumentException | WalletException | DateTimeParseException e) {
            throw new EnvelopeRejectedException("this license is missing part of what a box puts in it", e);
        }
    }

    /**
     * The content key, opened with the playback's private key.
     *
     * @throws InvalidCipherTextException when the seal is not to this key or not for this content id
     */
    public byte[] open(AsymmetricCipherKeyPair recipient, Instant now) throws InvalidCipherTextException {
        if (now.isAfter(notAfter)) {
            throw new InvalidCipherTextException("this license expired at " + notAfter + "; ask for a fresh one");
        }
        return LicenseSeal.open(sealed, recipient, contentId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof License that && Arrays.equals(contentId, that.contentId) && holder.equals(that.holder)
                && Arrays.equals(recipientKey, that.recipientKey) && notAfter.equals(that.notAfter);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(contentId) ^ holder.hashCode();
    }
}
