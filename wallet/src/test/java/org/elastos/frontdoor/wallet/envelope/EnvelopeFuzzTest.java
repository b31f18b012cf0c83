package org.elastos.frontdoor.wallet.envelope;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.elastos.frontdoor.wallet.WalletException;

import java.nio.charset.StandardCharsets;

/**
 * Whatever bytes arrive as an envelope, reading and checking it ends in a signer or an {@link
 * EnvelopeRejectedException}, and canonical JSON of what parsed is stable: never a crash, never a hang.
 */
class EnvelopeFuzzTest {
    @FuzzTest
    void readsAnyBytesAsAnEnvelopeOrRefusesThem(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        Envelope envelope;
        try {
            envelope = Envelope.parse(json);
        } catch (EnvelopeRejectedException refused) {
            return;
        }
        byte[] canonical = CanonicalJson.of(envelope.payload());
        if (!java.util.Arrays.equals(canonical, CanonicalJson.of(Envelope.parse(envelope.toJsonString()).payload()))) {
            throw new AssertionError("canonical JSON changed when the envelope was written and read again");
        }
        for (String domain : EnvelopeDomains.KNOWN) {
            try {
                envelope.verify(domain);
            } catch (WalletException refused) {
                // A forged or altered envelope: refused with a reason.
            }
        }
    }
}
