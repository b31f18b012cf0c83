package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.relay.RelayProtocol;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.hostkey.MachineSeed;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The passes that let the box's own devices into their reserved share of its relay sessions. Each enrolled device
 * gets one (an HMAC of its DID under a key only the box holds) and shows it when it asks the relay for the box; the
 * box tells the relay only the passes' hashes, so the relay learns neither the devices' DIDs nor a pass it could use.
 */
final class RelayPasses {
    private static final String DOMAIN = "elastos.relay.pass.v1";

    private final byte[] key;

    private RelayPasses(byte[] key) {
        this.key = key;
    }

    static RelayPasses loadOrCreate(Path file) {
        return new RelayPasses(MachineSeed.loadOrCreate(file, "relay_pass_hmac", new SecureRandom()));
    }

    String passOf(DidKey device) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(DOMAIN.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(device.value().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no HMAC-SHA256", e);
        }
    }

    /** The hashes of the passes of every device that may use the box now. */
    Set<String> activeHashes(DeviceRegistry devices) {
        return devices.all().stream().filter(device -> device.state() == Device.State.ACTIVE)
                .map(device -> RelayProtocol.passHash(passOf(device.did()))).collect(Collectors.toSet());
    }
}
