package org.elastos.frontdoor.media.license;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever a stranger posts as a license request, the box's parser gives a request (whose signature check then says
 * who signed it, or that no one did) or a {@link LicenseRefusal}: never a crash.
 */
class LicenseRequestFuzzTest {
    @FuzzTest
    void readsAnyBytesAsARequestOrRefusesIt(byte[] input) {
        try {
            LicenseRequest.Signed signed = LicenseRequest.Signed.parse(input);
            signed.signer();
            LicenseRequest.Signed.parse(signed.toBytes());
        } catch (LicenseRefusal refused) {
            if (refused.reason() != LicenseRefusal.Reason.MALFORMED && refused.reason() != LicenseRefusal.Reason.BAD_SIGNATURE) {
                throw new AssertionError("parsing gave " + refused.reason());
            }
        }
    }
}
