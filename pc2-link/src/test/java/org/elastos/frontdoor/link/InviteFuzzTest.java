package org.elastos.frontdoor.link;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Whatever text arrives as a pairing link (from a photo, a paste, a typed code's beacon), reading it gives an
 * invite or an {@link InviteRefusedException} with a reason: never a crash.
 */
class InviteFuzzTest {
    private static final Clock BEFORE_ANY_EXPIRY = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @FuzzTest
    void readsAnyTextAsAnInviteOrSaysWhyNot(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (String candidate : new String[] {text, PairingInvite.LINK_PREFIX + text}) {
            try {
                PairingInvite invite = PairingInvite.fromLink(candidate, BEFORE_ANY_EXPIRY);
                if (invite.secret().length < 16) {
                    throw new AssertionError("an invite with a short secret was accepted");
                }
            } catch (InviteRefusedException refused) {
                if (refused.reason() == null) {
                    throw new AssertionError("a refusal without a reason");
                }
            }
        }
    }
}
