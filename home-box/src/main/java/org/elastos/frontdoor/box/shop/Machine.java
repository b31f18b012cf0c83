package org.elastos.frontdoor.box.shop;

import org.elastos.frontdoor.wallet.EvmAddress;

import java.time.Instant;

/**
 * A vending machine's own record on its box, kept beside its item and never offered to buyers: the file or folder of
 * the box it sells (a box path, like {@code Photos/Summer}), the account its listing must pay, and when it was made.
 * A machine whose item names no seller yet is half made: packaged, not yet listed ({@link Shop#reconcile}).
 */
public record Machine(String source, EvmAddress seller, Instant made) {
    public Machine {
        if (source.isBlank()) {
            throw new IllegalArgumentException("a machine sells a file or folder of the box");
        }
    }
}
