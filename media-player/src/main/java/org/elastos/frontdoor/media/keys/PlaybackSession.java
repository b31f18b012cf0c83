package org.elastos.frontdoor.media.keys;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.elastos.frontdoor.capsule.KeySlot;
import org.elastos.frontdoor.media.license.License;
import org.elastos.frontdoor.media.license.PlaybackKey;
import org.elastos.frontdoor.media.sealed.ItemUnsealer;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.envelope.EnvelopeRejectedException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The keys of one playback: a fresh X25519 key, whose public half goes into the license request and whose private
 * half never leaves; and the content key the license carries, opened into a {@link KeySlot} that can decrypt and
 * cannot be read. Closing it ends the playback: every slot it opened stops working and its key is overwritten.
 */
public final class PlaybackSession implements AutoCloseable {
    private final PlaybackKey playbackKey = PlaybackKey.generate();
    private final Clock clock;
    private final List<OpenedKey> opened = new ArrayList<>();
    private boolean closed;

    PlaybackSession(Clock clock) {
        this.clock = clock;
    }

    /** The X25519 public key to name in the license request. */
    public byte[] publicKey() {
        return playbackKey.publicKey();
    }

    /**
     * Opens a license the selling box granted this playback.
     *
     * @param seller    the DID of the box that sells the film; the license must be its
     * @param contentId the film being played; the license must be for it
     * @throws LicenseRejected saying why, when any check fails; nothing is opened then
     */
    public synchronized KeySlot open(Envelope license, DidKey seller, byte[] contentId) throws LicenseRejected {
        byte[] key = openKey(license, seller, contentId);
        try {
            ContentKeySlot slot = new ContentKeySlot(key);
            opened.add(slot);
            return slot;
        } catch (IllegalArgumentException e) {
            throw new LicenseRejected(LicenseRejected.Reason.DAMAGED, "this license carries no content key", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Opens a license the selling box granted for a download: the key opens the sealed item of that content id, and
     * nothing else, until this session is closed.
     *
     * @throws LicenseRejected saying why, when any check fails; nothing is opened then
     */
    public synchronized ItemUnsealer.Keys openSealed(Envelope license, DidKey seller, byte[] contentId) throws LicenseRejected {
        byte[] key = openKey(license, seller, contentId);
        try {
            SealedItemKey sealed = new SealedItemKey(key, contentId);
            opened.add(sealed);
            return sealed;
        } catch (IllegalArgumentException e) {
            throw new LicenseRejected(LicenseRejected.Reason.DAMAGED, "this license carries no content key", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The checks every license passes, in this order, and then its content key, which the caller overwrites. */
    private byte[] openKey(Envelope license, DidKey seller, byte[] contentId) throws LicenseRejected {
        if (closed) {
            throw new LicenseRejected(LicenseRejected.Reason.PLAYBACK_ENDED, "this playback has ended; begin a new one", null);
        }
        License granted;
        try {
            granted = License.verify(license, seller);
        } catch (EnvelopeRejectedException e) {
            throw new LicenseRejected(LicenseRejected.Reason.NOT_FROM_THE_SELLER, "this license is not one the seller's box "
                    + seller.fingerprint() + " signed: " + e.getMessage(), e);
        }
        if (!Arrays.equals(granted.contentId(), contentId)) {
            throw new LicenseRejected(LicenseRejected.Reason.ANOTHER_FILM, "this license is for 0x"
                    + HexFormat.of().formatHex(granted.contentId()) + ", not for the film being played", null);
        }
        if (!Arrays.equals(granted.recipientKey(), playbackKey.publicKey())) {
            throw new LicenseRejected(LicenseRejected.Reason.ANOTHER_PLAYBACK, "this license was granted to another"
                    + " playback; ask for one with this playback's key", null);
        }
        if (clock.instant().isAfter(granted.notAfter())) {
            throw new LicenseRejected(LicenseRejected.Reason.EXPIRED, "this license expired at " + granted.notAfter()
                    + "; ask the seller's box for a fresh one", null);
        }
        try {
            return playbackKey.open(granted, clock.instant());
        } catch (InvalidCipherTextException e) {
            throw new LicenseRejected(LicenseRejected.Reason.DAMAGED, "this license's sealed key does not open: it was"
                    + " altered on the way; ask for a fresh one", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        opened.forEach(OpenedKey::close);
        opened.clear();
    }
}
