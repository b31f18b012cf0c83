package org.elastos.frontdoor.link.relay;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Whatever a stranger sends the relay, each line is read within its limit and parsed into one of the relay's words
 * or {@link RelayLine.Unreadable}: never a crash before the relay decides what to do.
 */
class RelayLineFuzzTest {
    @FuzzTest
    void parsesAnyLineIntoAWordOrUnreadable(byte[] input) {
        ByteArrayInputStream in = new ByteArrayInputStream(input);
        try {
            while (true) {
                String line = RelayProtocol.read(in);
                if (line.length() > 4096) {
                    throw new AssertionError("a line of " + line.length() + " characters was read");
                }
                RelayLine parsed = RelayLine.parse(line);
                if (parsed == null) {
                    throw new AssertionError("no answer for " + line);
                }
            }
        } catch (IOException ended) {
            // The input ran out, or a line was too long.
        }
        RelayLine.parse(new String(input, StandardCharsets.ISO_8859_1));
    }
}
