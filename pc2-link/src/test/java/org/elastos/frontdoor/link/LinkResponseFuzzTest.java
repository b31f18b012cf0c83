package org.elastos.frontdoor.link;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Whatever bytes a box (or something pretending to be one) sends back, the app's reader gives a response whose body
 * ends, or an {@link IOException}: a line never grows past its limit, a body never past its stated length.
 */
class LinkResponseFuzzTest {
    @FuzzTest
    void readsAnyBytesAsAResponseOrRefusesThem(byte[] input) {
        ByteArrayInputStream in = new ByteArrayInputStream(input);
        try {
            while (in.available() > 0) {
                LinkHttp.Response response = LinkHttp.readResponse(in);
                byte[] body = response.body().readAllBytes();
                if (response.length() >= 0 && body.length != response.length()) {
                    throw new AssertionError("a body of " + body.length + " bytes for a length of " + response.length());
                }
            }
        } catch (IOException refused) {
            // Malformed, too long, or cut short: refused.
        }
    }
}
