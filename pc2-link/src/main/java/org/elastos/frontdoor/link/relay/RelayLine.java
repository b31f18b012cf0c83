package org.elastos.frontdoor.link.relay;

import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.did.DidKey;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One line a box or an app sends the relay (see {@link RelayProtocol}), parsed whole before anything acts on it:
 * whatever the line holds, the answer is one of these or {@link Unreadable}.
 */
public sealed interface RelayLine {
    /** A box registering its control connection. */
    record Box(DidKey did) implements RelayLine {
    }

    /** A box about to leave a pairing beacon (it must be registered). */
    record Beacon(DidKey did) implements RelayLine {
    }

    /** The signature over the challenge, proving the DID just claimed. */
    record Signature(byte[] bytes) implements RelayLine {
    }

    /** The beacon itself, under the lookup id a typed code hashes to. */
    record Publish(String lookupId, String beacon) implements RelayLine {
    }

    /** An app looking up a typed code's beacon. */
    record Lookup(String lookupId) implements RelayLine {
    }

    /** An app asking to be spliced to a box, with the pass its box gave it if it is one of the box's devices. */
    record Connect(DidKey box, java.util.Optional<String> pass) implements RelayLine {
    }

    /** A registered box naming a pass (by hash) that lets one of its devices into the devices' share. */
    record Pass(String hash) implements RelayLine {
    }

    /** A registered box withdrawing a pass (the device was revoked). */
    record Unpass(String hash) implements RelayLine {
    }

    /** A box taking an app's connection the relay announced. */
    record Accept(String session) implements RelayLine {
    }

    /** A box answering the relay's ping. */
    record Pong() implements RelayLine {
    }

    /** Anything else, with why. */
    record Unreadable(String why) implements RelayLine {
    }

    Pattern LOOKUP_ID = Pattern.compile("[0-9a-f]{64}");
    Pattern SESSION = Pattern.compile("[0-9a-f]{32}");
    Pattern BEACON_TEXT = Pattern.compile("[A-Za-z0-9_-]{1,3800}");
    Pattern PASS = Pattern.compile("[A-Za-z0-9_-]{43}");
    Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    static RelayLine parse(String line) {
        int space = line.indexOf(' ');
        String word = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        return switch (word) {
            case "BOX" -> did(rest).<RelayLine>map(Box::new).orElse(new Unreadable("not a did:key"));
            case "BEACON" -> did(rest).<RelayLine>map(Beacon::new).orElse(new Unreadable("not a did:key"));
            case "CONNECT" -> connect(rest);
            case "PASS" -> HASH.matcher(rest).matches() ? new Pass(rest) : new Unreadable("a pass hash is 64 hex digits");
            case "UNPASS" -> HASH.matcher(rest).matches() ? new Unpass(rest) : new Unreadable("a pass hash is 64 hex digits");
            case "SIGNATURE" -> rest.matches("[0-9a-f]{128}") ? new Signature(HexFormat.of().parseHex(rest))
                    : new Unreadable("a signature is 64 bytes of hex");
            case "PUBLISH" -> {
                String[] parts = rest.split(" ", -1);
                yield parts.length == 2 && LOOKUP_ID.matcher(parts[0]).matches() && BEACON_TEXT.matcher(parts[1]).matches()
                        ? new Publish(parts[0], parts[1]) : new Unreadable("expected PUBLISH lookup-id beacon");
            }
            case "LOOKUP" -> LOOKUP_ID.matcher(rest).matches() ? new Lookup(rest) : new Unreadable("a lookup id is 64 hex digits");
            case "ACCEPT" -> SESSION.matcher(rest).matches() ? new Accept(rest) : new Unreadable("a session is 32 hex digits");
            case "PONG" -> rest.isEmpty() ? new Pong() : new Unreadable("PONG takes nothing after it");
            default -> new Unreadable("unknown request");
        };
    }

    private static RelayLine connect(String rest) {
        String[] parts = rest.split(" ", -1);
        java.util.Optional<DidKey> box = did(parts[0]);
        if (box.isEmpty()) {
            return new Unreadable("not a did:key");
        }
        if (parts.length == 1) {
            return new Connect(box.get(), java.util.Optional.empty());
        }
        return parts.length == 3 && parts[1].equals("PASS") && PASS.matcher(parts[2]).matches()
                ? new Connect(box.get(), java.util.Optional.of(parts[2])) : new Unreadable("expected CONNECT did:key [PASS pass]");
    }

    private static java.util.Optional<DidKey> did(String text) {
        try {
            return java.util.Optional.of(DidKey.parse(text));
        } catch (WalletException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
