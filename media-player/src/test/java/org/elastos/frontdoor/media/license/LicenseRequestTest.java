package org.elastos.frontdoor.media.license;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A buyer's license request, signed by a real wallet, read back by the box's parser. */
class LicenseRequestTest {
    @TempDir
    Path dir;

    private static LicenseRequest request(EvmAddress holder) {
        return new LicenseRequest(HexFormat.of().parseHex("0123456789abcdef0123456789abcdef"), 31337,
                new EvmAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"), holder, new byte[32], "n0nce-0123456789",
                Instant.parse("2026-12-02T18:00:00Z"));
    }

    @Test
    void theSignatureRecoversTheHolderAndOnlyTheUnchangedRequest() throws Exception {
        Signer buyer = TestAccounts.signer(dir.resolve("buyer"), TestAccounts.BUYER);
        LicenseRequest.Signed signed = request(buyer.evmAddress()).sign(buyer);
        LicenseRequest.Signed read = LicenseRequest.Signed.parse(signed.toBytes());
        assertEquals(buyer.evmAddress(), read.signer());
        String message = new String(read.request().message(), StandardCharsets.UTF_8);
        assertTrue(message.startsWith(LicenseRequest.DOMAIN + "\n{\"chain_id\":31337,\"content_id\":\"0x0123"), message);

        String changed = new String(signed.toBytes(), StandardCharsets.UTF_8).replace("31337", "31338");
        assertNotEquals(buyer.evmAddress(), LicenseRequest.Signed.parse(changed.getBytes(StandardCharsets.UTF_8)).signer(),
                "a changed request recovers another account");
    }

    @Test
    void refusesWhatIsNotARequestWithItsReason() throws Exception {
        Signer buyer = TestAccounts.signer(dir.resolve("buyer"), TestAccounts.BUYER);
        String good = new String(request(buyer.evmAddress()).sign(buyer).toBytes(), StandardCharsets.UTF_8);
        for (String bad : new String[] {"", "[]", "{}", good + "{}", good.replace("\"nonce\"", "\"extra\":1,\"nonce\""),
                good.replace("0x0123456789abcdef0123456789abcdef", "0x0123"), good.replace("31337", "\"31337\""),
                good.replace("n0nce-0123456789", "short"), "x".repeat(LicenseRequest.MAX_BYTES + 1)}) {
            LicenseRefusal refused = assertThrows(LicenseRefusal.class, () -> LicenseRequest.Signed.parse(bad.getBytes(StandardCharsets.UTF_8)), bad);
            assertEquals(LicenseRefusal.Reason.MALFORMED, refused.reason(), bad);
        }
    }
}
