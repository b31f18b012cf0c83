package org.elastos.frontdoor.wallet.vault;

import org.elastos.frontdoor.wallet.Identity;
import org.elastos.frontdoor.wallet.signer.Signer;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One identity's wallet while the app runs: locked or unlocked. Unlocking hands out a {@link Signer}; locking
 * wipes the keys, and every signer handed out before goes dead. With auto-lock on, the wallet locks itself after a
 * stretch with no activity (no signing and no {@link #recordActivity()}).
 */
public final class Wallet implements AutoCloseable {
    private final Vault vault;
    private final Identity identity;
    private final List<Runnable> lockListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wallet-auto-lock");
        thread.setDaemon(true);
        return thread;
    });

    private KeyRing keys;
    private Signer signer;
    private Duration idleLimit = Duration.ZERO;
    private ScheduledFuture<?> idleCheck;
    private volatile long lastActivityNanos = System.nanoTime();

    private Wallet(Vault vault) {
        this.vault = vault;
        this.identity = vault.identity();
    }

    /** Opens the wallet locked; reads only the public identity. */
    public static Wallet open(Vault vault) {
        return new Wallet(vault);
    }

    public Identity identity() {
        return identity;
    }

    public Vault vault() {
        return vault;
    }

    /** @throws WrongPasswordException leaving the wallet locked */
    public synchronized Signer unlock(char[] password) {
        KeyRing opened = vault.open(password);
        wipeKeys();
        keys = opened;
        signer = new KeyRingSigner(opened, this::recordActivity);
        recordActivity();
        return signer;
    }

    public synchronized boolean isUnlocked() {
        return keys != null;
    }

    public synchronized Optional<Signer> signer() {
        return Optional.ofNullable(signer);
    }

    public void lock() {
        boolean wasUnlocked;
        synchronized (this) {
            wasUnlocked = keys != null;
            wipeKeys();
        }
        if (wasUnlocked) {
            lockListeners.forEach(Runnable::run);
        }
    }

    /** Runs on the locking thread (the auto-lock timer or the caller of {@link #lock()}). */
    public void onLock(Runnable listener) {
        lockListeners.add(listener);
    }

    /** Locks after {@code idle} without activity; {@link Duration#ZERO} turns auto-lock off. */
    public synchronized void autoLockAfter(Duration idle) {
        if (idleCheck != null) {
            idleCheck.cancel(false);
            idleCheck = null;
        }
        idleLimit = idle;
        if (idle.isZero() || idle.isNegative()) {
            return;
        }
        long period = Math.max(20, Math.min(1000, idle.toMillis() / 10));
        recordActivity();
        idleCheck = timer.scheduleAtFixedRate(this::lockIfIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** The person did something; the idle clock starts again. */
    public void recordActivity() {
        lastActivityNanos = System.nanoTime();
    }

    private void lockIfIdle() {
        Duration limit;
        synchronized (this) {
            limit = idleLimit;
        }
        if (!limit.isZero() && System.nanoTime() - lastActivityNanos >= limit.toNanos()) {
            lock();
        }
    }

    private void wipeKeys() {
        if (keys != null) {
            keys.wipe();
        }
        keys = null;
        signer = null;
    }

    @Override
    public void close() {
        lock();
        timer.shutdownNow();
    }
}
