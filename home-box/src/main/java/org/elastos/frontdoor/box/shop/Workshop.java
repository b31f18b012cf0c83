package org.elastos.frontdoor.box.shop;

import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.market.ChainUnreachableException;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.Listing;
import org.elastos.frontdoor.media.FilmRefusedException;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.audit.AuditLog;

import java.io.IOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where the box makes vending machines for its owner's devices, the screen's side of {@link VendingMachines}: one
 * machine is packaged at a time, in the background, and the device asks after it by the job's id until it is done.
 * The device then lists the item on chain with its own account (keys never leave the device's vault) and says so;
 * the box believes the chain, not the device: the entry is signed as listed only once the chain shows the listing,
 * by the machine's seller. A device that changes its mind before listing has the item taken back at once; one that
 * goes silent leaves it to {@link HalfMadeMachines} at the next start.
 */
public final class Workshop implements AutoCloseable {
    /** Finished jobs kept for their devices to read; the oldest is forgotten first. */
    private static final int KEPT_JOBS = 16;

    public enum State { RUNNING, DONE, FAILED }

    /** Why a job failed, for the device to put in its own words. */
    public enum Failure { NOT_A_FILM, NO_FFMPEG, DISK, STOPPED }

    /** A job as a device sees it: its progress from 0 to 1, and in the end its item or why it failed. */
    public record Job(String id, String source, State state, double progress, Optional<StoreItem> item,
                      Optional<Failure> failure, String detail) {
    }

    /** Why a request about machines is refused before any work starts. */
    public static final class Refused extends Exception {
        public enum Reason { BUSY, ALREADY_SELLING, NOT_HALF_MADE, NOT_LISTED, CHAIN_UNREACHABLE }

        private final Reason reason;

        Refused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final VendingMachines machines;
    private final BoxChains chains;
    private final AuditLog audit;
    private final String box;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "box-workshop");
        thread.setDaemon(true);
        return thread;
    });

    public Workshop(VendingMachines machines, BoxChains chains, AuditLog audit, String box) {
        this.machines = machines;
        this.chains = chains;
        this.audit = audit;
        this.box = box;
    }

    public VendingMachines machines() {
        return machines;
    }

    /**
     * Starts packaging {@code source} as a machine that {@code seller} will list on {@code where}, whose node the box
     * reaches at {@code rpcUrl}. Everything that can be checked is checked first.
     *
     * @throws IllegalArgumentException when the path is outside the box's folders, a folder is to be watched, or the
     *                                  URL is not http(s)
     * @throws NoSuchFileException      when the path names nothing
     * @throws Refused                  BUSY while another machine is being made, ALREADY_SELLING when the path has a
     *                                  machine already (resume that one)
     */
    public synchronized Job start(String source, VendingMachines.Delivery delivery, String title, StoreItem.Listed where,
                                  EvmAddress seller, URI rpcUrl, String who) throws IOException, Refused {
        if (jobs.values().stream().anyMatch(job -> job.state() == State.RUNNING)) {
            throw new Refused(Refused.Reason.BUSY, "the box is making another machine; try again when it is done");
        }
        if (!"http".equals(rpcUrl.getScheme()) && !"https".equals(rpcUrl.getScheme())) {
            throw new IllegalArgumentException("a chain's RPC URL is http or https, not " + rpcUrl);
        }
        machines.check(source, delivery);
        if (machines.machineFor(source).isPresent()) {
            throw new Refused(Refused.Reason.ALREADY_SELLING, source + " has a machine already; resume or reprice it");
        }
        chains.remember(where.chainId(), rpcUrl);
        String id = HexFormat.of().formatHex(bytes(8));
        Job job = new Job(id, source, State.RUNNING, 0, Optional.empty(), Optional.empty(), "");
        put(job);
        audit.record(who, "machine", "making " + source + " (" + delivery.name().toLowerCase() + ") for " + seller.value());
        worker.execute(() -> make(job, delivery, title, where, seller, who));
        return job;
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private void make(Job job, VendingMachines.Delivery delivery, String title, StoreItem.Listed where, EvmAddress seller,
                      String who) {
        try {
            StoreItem item = machines.make(job.source(), delivery, title, where, seller, fraction -> progress(job.id(), fraction));
            put(new Job(job.id(), job.source(), State.DONE, 1, Optional.of(item), Optional.empty(), ""));
            audit.record(who, "machine", "made " + job.source() + " as " + item.contentIdHex() + "; waiting for its listing");
        } catch (FilmRefusedException e) {
            failed(job, e.reason() == FilmRefusedException.Reason.FFMPEG_MISSING ? Failure.NO_FFMPEG : Failure.NOT_A_FILM,
                    e.getMessage(), who);
        } catch (IOException | RuntimeException e) {
            failed(job, Failure.DISK, String.valueOf(e.getMessage()), who);
        } catch (InterruptedException e) {
            failed(job, Failure.STOPPED, "the box is stopping", who);
            Thread.currentThread().interrupt();
        }
    }

    private void failed(Job job, Failure failure, String detail, String who) {
        put(new Job(job.id(), job.source(), State.FAILED, 0, Optional.empty(), Optional.of(failure), detail));
        audit.record(who, "machine", job.source() + " was not made: " + failure + ": " + detail);
    }

    private synchronized void progress(String id, double fraction) {
        Job job = jobs.get(id);
        if (job != null && job.state() == State.RUNNING) {
            jobs.put(id, new Job(id, job.source(), State.RUNNING, Math.max(job.progress(), Math.min(1, fraction)),
                    Optional.empty(), Optional.empty(), ""));
        }
    }

    private synchronized void put(Job job) {
        jobs.remove(job.id());
        jobs.put(job.id(), job);
        while (jobs.size() > KEPT_JOBS) {
            String oldest = jobs.keySet().iterator().next();
            if (jobs.get(oldest).state() == State.RUNNING) {
                break;
            }
            jobs.remove(oldest);
        }
    }

    /** The job {@code id}, if the box still keeps it. */
    public synchronized Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /**
     * The device says it listed the item: the chain is asked, and only a listing there by the machine's own seller
     * signs the entry as listed.
     *
     * @throws NoSuchFileException when the box has no machine with that content id
     * @throws Refused             NOT_LISTED when the chain shows no such listing by the seller (the item stays half
     *                             made, and is settled at the next start), CHAIN_UNREACHABLE when it cannot be asked
     */
    public StoreItem listed(byte[] contentId, String who) throws IOException, Refused {
        Shop.Machined machined = machined(contentId);
        if (!machined.halfMade()) {
            return machined.item();
        }
        StoreItem.Listed where = machined.item().listing().orElseThrow(() -> new NoSuchFileException("not a machine"));
        Optional<Listing> listing;
        try {
            listing = chains.listing(where.chainId(), where.market(), ContentId.of(contentId));
        } catch (ChainUnreachableException e) {
            throw new Refused(Refused.Reason.CHAIN_UNREACHABLE, "the box cannot reach chain " + where.chainId()
                    + "; it finishes the machine when it next can");
        }
        EvmAddress seller = machined.machine().seller();
        if (listing.isEmpty() || !listing.get().seller().equals(seller)) {
            throw new Refused(Refused.Reason.NOT_LISTED, "chain " + where.chainId() + " does not list "
                    + machined.item().contentIdHex() + " by " + seller.value());
        }
        StoreItem listed = machines.shop().listed(contentId, new StoreItem.Listed(where.chainId(), where.market(), seller));
        audit.record(who, "machine", machined.machine().source() + " (" + listed.contentIdHex() + ") is listed; now sold");
        return listed;
    }

    /**
     * The device will not list it after all: a half-made machine is taken back, key and all.
     *
     * @throws Refused NOT_HALF_MADE when it was listed: a listed machine is paused, never taken back
     */
    public void takeBack(byte[] contentId, String who) throws IOException, Refused {
        Shop.Machined machined = machined(contentId);
        if (!machined.halfMade()) {
            throw new Refused(Refused.Reason.NOT_HALF_MADE, machined.item().contentIdHex()
                    + " is listed; pause it instead, so those who bought keep their access");
        }
        machines.shop().takeBack(contentId);
        audit.record(who, "machine", machined.machine().source() + " (" + machined.item().contentIdHex() + ") taken back before listing");
    }

    private Shop.Machined machined(byte[] contentId) throws IOException {
        return machines.shop().machines().stream().filter(m -> java.util.Arrays.equals(m.item().contentId(), contentId))
                .findFirst().orElseThrow(() -> new NoSuchFileException("no machine sells " + HexFormat.of().formatHex(contentId)));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
