package org.elastos.frontdoor.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.elastos.frontdoor.media.CencDecryptor;
import org.elastos.frontdoor.media.TestFilms;
import org.elastos.frontdoor.media.license.License;
import org.elastos.frontdoor.media.license.PlaybackKey;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `frontdoor film package`, `box film add`, a running `frontdoor box` and `license get`, all as processes, on a dev chain. */
class FilmCommandLineTest {
    private static final String SELLER = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    private static final String BUYER = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void packagesWithARawKeyForOtherKeyManagers() throws Exception {
        Path film = TestFilms.h264Aac(6);
        String kid = "00112233445566778899aabbccddeeff";
        String key = "ffeeddccbbaa99887766554433221100";
        FrontDoorCli.Run run = FrontDoorCli.run("", "film", "package", film.toString(), dir.resolve("pkg").toString(),
                "--key-id", kid, "--key", key);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("packaging: 100%"), "progress on the terminal: " + run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(kid, result.path("key_id").asText());
        assertFalse(result.has("key"), "a key given is not printed back");
        String playlist = Files.readString(dir.resolve("pkg").resolve("index.m3u8"));
        assertTrue(playlist.contains("#EXT-X-MAP:URI=\"init.mp4\""), playlist);
        byte[] init = Files.readAllBytes(dir.resolve("pkg").resolve("init.mp4"));
        assertArrayEquals(HexFormat.of().parseHex(kid), CencDecryptor.protectionOf(init).keyId());
        byte[] segment = Files.readAllBytes(dir.resolve("pkg").resolve(result.path("segments").get(0).asText()));
        new CencDecryptor(HexFormat.of().parseHex(key)).segment(segment, CencDecryptor.protectionOf(init));

        FrontDoorCli.Run fresh = FrontDoorCli.run("", "film", "package", film.toString(), dir.resolve("fresh").toString());
        assertEquals(0, fresh.exit(), fresh.err());
        assertTrue(JSON.readTree(fresh.out()).path("key").asText().matches("[0-9a-f]{32}"), "a fresh key is printed once");
        Path notes = Files.writeString(dir.resolve("notes.mp4"), "a shopping list, not a film");
        FrontDoorCli.Run notAFilm = FrontDoorCli.run("", "film", "package", notes.toString(), dir.resolve("nope").toString());
        assertEquals(1, notAFilm.exit());
        assertTrue(notAFilm.err().contains("error: ffmpeg could not make a film of it"), notAFilm.err());
        assertFalse(Files.exists(dir.resolve("nope")), "nothing is left behind");
    }

    @Test
    void sellsAFilmFromABoxAndGivesItsLicenseOnlyAfterThePurchase() throws Exception {
        Path seller = dir.resolve("seller");
        Path buyer = dir.resolve("buyer");
        Path chainData = dir.resolve("chain");
        assertEquals(0, FrontDoorCli.run(SELLER + "\nseller password 1\n", "wallet", "restore", "--vault", seller.toString()).exit());
        assertEquals(0, FrontDoorCli.run(BUYER + "\nbuyer password 12\n", "wallet", "restore", "--vault", buyer.toString()).exit());
        Process chain = new ProcessBuilder(FrontDoorCli.command("chain", "dev", "--data", chainData.toString(),
                "--vault", seller.toString(), "--vault", buyer.toString(), "--block-time", "1"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process box = null;
        try {
            JsonNode started = JSON.readTree(new BufferedReader(new InputStreamReader(chain.getInputStream(), StandardCharsets.UTF_8)).readLine());
            String rpc = started.path("rpc_url").asText();
            String market = started.path("market").asText();
            Path data = dir.resolve("box");
            FrontDoorCli.Run added = FrontDoorCli.run("seller password 1\n", "box", "film", "add", "--data", data.toString(),
                    TestFilms.h264Aac(6).toString(), "--title", "Testsrc", "--description", "A pattern and a tone",
                    "--price", "2.5", "--vault", seller.toString(), "--chain", "dev", "--rpc", rpc, "--market", market, "--yes");
            assertEquals(0, added.exit(), added.err());
            assertTrue(added.err().contains("fee: at most"), "the fee before sending: " + added.err());
            JsonNode film = JSON.readTree(added.out());
            String contentId = film.path("content_id").asText();
            assertTrue(contentId.matches("0x[0-9a-f]{32}"), contentId);
            assertTrue(film.path("transaction").asText().startsWith("0x"), added.out());

            Path boxLog = dir.resolve("box.log");
            box = new ProcessBuilder(FrontDoorCli.command("box", "--data", data.toString(), "--listen", "127.0.0.1:0"))
                    .redirectErrorStream(true).redirectOutput(boxLog.toFile()).start();
            Matcher listening = FrontDoorCli.awaitLine(boxLog, Pattern.compile("box .* \\((did:key:\\S+)\\) listening on \\S*?:(\\d+)"));
            String boxDid = listening.group(1);
            String direct = "127.0.0.1:" + listening.group(2);

            PlaybackKey playback = PlaybackKey.generate();
            String recipient = Base64.getUrlEncoder().withoutPadding().encodeToString(playback.publicKey());
            FrontDoorCli.Run before = FrontDoorCli.run("buyer password 12\n", "license", "get", "--vault", buyer.toString(),
                    "--box", boxDid, "--direct", direct, "--content-id", contentId, "--recipient-key", recipient);
            assertEquals(1, before.exit(), before.out());
            assertTrue(before.err().contains("NO_RIGHT"), before.err());

            FrontDoorCli.Run bought = FrontDoorCli.run("buyer password 12\n", "market", "buy", "--vault", buyer.toString(),
                    "--data", chainData.toString(), "--content-id", contentId, "--yes");
            assertEquals(0, bought.exit(), bought.err());
            FrontDoorCli.Run granted = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                granted = FrontDoorCli.run("buyer password 12\n", "license", "get", "--vault", buyer.toString(),
                        "--box", boxDid, "--direct", direct, "--content-id", contentId, "--recipient-key", recipient);
                if (granted.exit() == 0) {
                    break;
                }
                assertTrue(granted.err().contains("NO_RIGHT"), "only waiting for confirmations: " + granted.err());
                Thread.sleep(1000);
            }
            assertEquals(0, granted.exit(), granted.err());
            License license = License.verify(Envelope.parse(granted.out()), DidKey.parse(boxDid));
            byte[] key = playback.open(license, Instant.now());
            String log = Files.readString(boxLog);
            assertFalse(log.contains(HexFormat.of().formatHex(key)) || log.contains(Base64.getEncoder().encodeToString(key)),
                    "the box never prints the key");
            assertFalse(granted.out().contains(HexFormat.of().formatHex(key)), "only sealed in the license");
        } finally {
            if (box != null) {
                box.destroy();
                box.waitFor(30, TimeUnit.SECONDS);
            }
            chain.destroy();
            chain.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
