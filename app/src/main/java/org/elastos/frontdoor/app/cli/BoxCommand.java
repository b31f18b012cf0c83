package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.box.BoxConsole;
import org.elastos.frontdoor.box.HomeBox;
import org.elastos.frontdoor.wallet.audit.AuditVerdict;
import org.elastos.frontdoor.wallet.envelope.EnvelopeRejectedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "box", description = {
        "Run the reference home box headless: your folders under --data, served over the DID-pinned link on --listen only.",
        "Prints a pairing QR code (also written to DATA/pairing-qr.png) and its link, then runs until interrupted."},
        subcommands = {BoxCommand.Invite.class, BoxCommand.Audit.class, BoxFilmCommand.class, BoxSellCommand.Sell.class,
                BoxSellCommand.Unsell.class})
final class BoxCommand implements Callable<Integer> {
    // Not `required`: picocli would then demand them before `box invite` too. call() checks them.
    @Option(names = "--data", paramLabel = "DIR", description = "the box's folder: key, devices, audit log, your files")
    Path data;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "the one address to listen on, like 127.0.0.1:7443")
    String listen;

    @Option(names = "--relay", paramLabel = "HOST:PORT", description = "a carrier relay to stay registered with, for reaching the box from anywhere")
    String relay;

    @Option(names = "--invite-minutes", paramLabel = "N", defaultValue = "10", description = "how long the printed invite works (default ${DEFAULT-VALUE})")
    int inviteMinutes;

    @Override
    public Integer call() throws Exception {
        if (data == null || listen == null) {
            throw new CliException("`frontdoor box` needs --data DIR and --listen HOST:PORT (like 127.0.0.1:7443)");
        }
        InetSocketAddress address = address(listen);
        Duration lifetime = inviteLifetime(inviteMinutes, "--invite-minutes");
        CountDownLatch stopped = new CountDownLatch(1);
        Optional<InetSocketAddress> relayAddress = Optional.ofNullable(relay).map(BoxCommand::address);
        try (HomeBox box = HomeBox.start(data, address, relayAddress, Clock.systemUTC())) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                box.close();
                stopped.countDown();
            }, "box-stop"));
            System.out.println("box " + box.name() + " (" + box.did() + ") listening on " + box.address());
            HomeBox.Invitation invitation = box.invitation(lifetime);
            BoxConsole.showInvite(System.out, box.name(), box.did().fingerprint(), box.inviteLink(invitation.invite()),
                    box.writePairingQr(invitation.invite()), invitation);
            System.err.println("Ctrl+C stops the box");
            stopped.await();
        }
        return 0;
    }

    /** An invite's lifetime as a person gives it, from a minute to a day. */
    static Duration inviteLifetime(int minutes, String option) {
        long longest = HomeBox.LONGEST_INVITE_LIFETIME.toMinutes();
        if (minutes < 1 || minutes > longest) {
            throw new CliException(option + " is how long the invite works, from 1 to " + longest + " minutes; got " + minutes);
        }
        return Duration.ofMinutes(minutes);
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new CliException("an address is HOST:PORT, like 127.0.0.1:7443; got " + hostPort);
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(hostPort.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new CliException("not a port: " + hostPort.substring(colon + 1));
        }
    }

    @Command(name = "invite", description = "Make a fresh single-use invite for the box in --data (running or not): QR, link and PNG.")
    static final class Invite implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR")
        Path data;

        @Option(names = "--minutes", paramLabel = "N", defaultValue = "10", description = "how long it works (default ${DEFAULT-VALUE})")
        int minutes;

        @Override
        public Integer call() {
            Duration lifetime = inviteLifetime(minutes, "--minutes");
            BoxConsole.newInvite(data, BoxConsole.announcedEndpoints(data), lifetime, System.out);
            return 0;
        }
    }

    @Command(name = "audit", description = "The box's audit log.", subcommands = Audit.Verify.class)
    static final class Audit {
        @Command(name = "verify", description = {"Check the hash chain of DATA/audit.jsonl: exits 0 when intact, 1 naming",
                "the first broken entry. With --head, a checkpoint a device kept: the log must still hold it."})
        static final class Verify implements Callable<Integer> {
            @Option(names = "--data", required = true, paramLabel = "DIR")
            Path data;

            @Option(names = "--head", paramLabel = "FILE", description = "a checkpoint of the log signed by the box, kept by a device")
            Optional<Path> head;

            @Override
            public Integer call() throws IOException {
                AuditVerdict verdict;
                try {
                    verdict = BoxConsole.verifyAudit(data, head);
                } catch (EnvelopeRejectedException e) {
                    throw new CliException("that checkpoint cannot be used: " + e.getMessage());
                }
                if (verdict instanceof AuditVerdict.Broken broken) {
                    System.err.println(explain(broken));
                    return FrontDoorCommand.REFUSED;
                }
                AuditVerdict.Intact intact = (AuditVerdict.Intact) verdict;
                System.out.println("the audit log is intact: " + intact.entries() + " entries"
                        + head.map(h -> ", and it still holds the checkpoint").orElse(""));
                return 0;
            }

            private static String explain(AuditVerdict.Broken broken) {
                String where = "entry " + broken.seq() + " (line " + broken.line() + ")";
                return switch (broken.problem()) {
                    case UNREADABLE_LINE -> "the audit log is damaged: line " + broken.line() + " is not an entry (not UTF-8, not JSON, or too long)";
                    case OUT_OF_SEQUENCE -> "the audit log was edited: " + where + " is missing, repeated or out of order";
                    case CHAIN_BROKEN -> "the audit log was edited: " + where + " does not chain to the entry before it";
                    case EDITED -> "the audit log was edited: " + where + " is not what its hash says";
                    case TORN_TAIL -> "the audit log ends in the middle of a line (a crash while writing); the box seals it when it starts";
                    case CUT_SHORT -> "the audit log was cut short: it ends before entry " + broken.seq() + ", which the checkpoint names";
                    case REWRITTEN -> "the audit log was rewritten: " + where + " is not the entry the checkpoint names";
                };
            }
        }
    }
}
