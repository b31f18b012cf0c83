package org.elastos.frontdoor.media.play;

import org.elastos.frontdoor.capsule.CapsuleException;
import org.elastos.frontdoor.media.capsule.DecryptCapsule;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fetches and decrypts a film's segments ahead of the player, in memory only: when segment n is asked for, the next
 * {@code ahead} are already on their way. A fetch that fails is tried again after a growing pause, so a relay that
 * hiccups for a second or two does not stop the film. Only the segments around the one playing are kept.
 */
final class ReadAhead implements AutoCloseable {
    /** How often a segment is fetched before the playback gives up, and the first pause between tries (doubling). */
    static final int ATTEMPTS = 4;
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);

    private final FilmPlan plan;
    private final FilmSource source;
    private final DecryptCapsule capsule;
    private final int ahead;
    private final ExecutorService fetchers;
    private final Map<Integer, CompletableFuture<byte[]>> held = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ReadAhead(FilmPlan plan, FilmSource source, DecryptCapsule capsule, int ahead) {
        this.plan = plan;
        this.source = source;
        this.capsule = capsule;
        this.ahead = ahead;
        this.fetchers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "read-ahead");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The clear segment {@code index}, waiting for it if it is still on its way. */
    byte[] segment(int index) throws PlaybackException {
        if (index < 0 || index >= plan.segments().size()) {
            throw new IllegalArgumentException("the film has no segment " + index);
        }
        held.keySet().removeIf(kept -> kept < index - 1 || kept > index + ahead);
        CompletableFuture<byte[]> wanted = start(index);
        for (int next = index + 1; next <= index + ahead && next < plan.segments().size(); next++) {
            start(next);
        }
        try {
            return wanted.get();
        } catch (ExecutionException e) {
            held.remove(index, wanted);
            if (e.getCause() instanceof PlaybackException failed) {
                throw failed;
            }
            throw new PlaybackException(PlaybackException.Reason.DAMAGED_SEGMENT, "segment " + index + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlaybackException(PlaybackException.Reason.ENDED, "the playback was stopped", e);
        }
    }

    private CompletableFuture<byte[]> start(int index) throws PlaybackException {
        if (closed) {
            throw new PlaybackException(PlaybackException.Reason.ENDED, "the playback has ended", null);
        }
        return held.computeIfAbsent(index, i -> CompletableFuture.supplyAsync(() -> fetchAndDecrypt(i), fetchers));
    }

    private byte[] fetchAndDecrypt(int index) {
        String name = plan.segments().get(index).name();
        byte[] encrypted = fetch(name);
        try {
            return capsule.segment(encrypted);
        } catch (DecryptCapsule.SegmentRefused | CapsuleException e) {
            throw new java.util.concurrent.CompletionException(new PlaybackException(PlaybackException.Reason.DAMAGED_SEGMENT,
                    name + " could not be decrypted: " + e.getMessage(), e));
        }
    }

    private byte[] fetch(String name) {
        Duration pause = FIRST_PAUSE;
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS && !closed; attempt++) {
            try {
                return source.fetch(name);
            } catch (IOException e) {
                last = e;
            }
            if (attempt < ATTEMPTS) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                pause = pause.multipliedBy(2);
            }
        }
        throw new java.util.concurrent.CompletionException(new PlaybackException(PlaybackException.Reason.SELLER_UNREACHABLE,
                "the seller's box did not send " + name + " after " + ATTEMPTS + " tries", last));
    }

    @Override
    public void close() {
        closed = true;
        fetchers.shutdownNow();
        held.clear();
    }
}
