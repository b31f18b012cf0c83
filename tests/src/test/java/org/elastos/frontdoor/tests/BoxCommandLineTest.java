package org.elastos.frontdoor.tests;

import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.InviteQr;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `frontdoor box` as a process: its printed link and PNG pair a device; `box invite` and `box audit verify` work beside it. */
class BoxCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void runsABoxThatPairsFromItsPngAndKeepsAnAuditLogThatDetectsEdits() throws Exception {
        Path data = dir.resolve("box");
        Process box = new ProcessBuilder(FrontDoorCli.command("box", "--data", data.toString(), "--listen", "127.0.0.1:0"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(box.getInputStream(), StandardCharsets.UTF_8));
            String printedLink = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(PairingInvite.LINK_PREFIX)) {
                    printedLink = line;
                    break;
                }
            }
            assertNotNull(printedLink, "the box printed its invite link on a line of its own");
            String fromPng = InviteQr.read(ImageIO.read(data.resolve("pairing-qr.png").toFile())).orElseThrow();
            assertEquals(printedLink, fromPng, "the PNG holds the printed invite");

            PairingInvite invite = PairingInvite.fromLink(fromPng, Clock.systemUTC());
            HostKey laptop = HostKey.loadOrCreate(dir.resolve("laptop.key"), new SecureRandom());
            try (BoxClient client = BoxClient.connect(invite.endpoints().get(0), invite.boxDid(), laptop)) {
                assertEquals("owner", client.pair(invite, "Laptop").role());
                assertEquals(List.of(), client.list("Films"));
            }

            FrontDoorCli.Run fresh = FrontDoorCli.run("", "box", "invite", "--data", data.toString());
            assertEquals(0, fresh.exit(), fresh.err());
            String freshLink = fresh.out().lines().filter(l -> l.startsWith(PairingInvite.LINK_PREFIX)).findFirst().orElseThrow();
            assertNotEquals(printedLink, freshLink);
            PairingInvite second = PairingInvite.fromLink(freshLink, Clock.systemUTC());
            assertEquals(invite.endpoints(), second.endpoints(), "a fresh invite names where the running box listens");
            HostKey phone = HostKey.loadOrCreate(dir.resolve("phone.key"), new SecureRandom());
            try (BoxClient client = BoxClient.connect(second.endpoints().get(0), second.boxDid(), phone)) {
                assertTrue(client.pair(second, "Phone").pending(), "the running box honours an invite made beside it");
            }
        } finally {
            box.destroy();
            assertTrue(box.waitFor(30, TimeUnit.SECONDS));
        }

        FrontDoorCli.Run intact = FrontDoorCli.run("", "box", "audit", "verify", "--data", data.toString());
        assertEquals(0, intact.exit(), intact.err());
        Path audit = data.resolve("audit.jsonl");
        List<String> lines = Files.readAllLines(audit, StandardCharsets.UTF_8);
        lines.set(1, lines.get(1).replace("\"event\":\"", "\"event\":\"x"));
        Files.write(audit, lines, StandardCharsets.UTF_8);
        FrontDoorCli.Run edited = FrontDoorCli.run("", "box", "audit", "verify", "--data", data.toString());
        assertEquals(1, edited.exit());
        assertTrue(edited.err().contains("entry 2"), edited.err());
    }
}
