package org.elastos.frontdoor.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `frontdoor box sell` and `box unsell` as processes beside a running box, on the Hardhat node `chain dev` starts: a
 * photo folder put up for sale as a copy, bought and taken with `frontdoor download`, paused (nobody new can buy, the buyer still gets a license),
 * resumed, and the switch refusing what it cannot do.
 */
class BoxSellCommandLineTest {
    private static final String SELLER = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    private static final String BUYER = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    private static final String OTHER = "letter advice cage absurd amount doctor acoustic avoid letter advice cage above";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void sellsAFolderPausesAndResumesItAndRefusesWhatItCannotDo() throws Exception {
        Path seller = dir.resolve("seller");
        Path buyer = dir.resolve("buyer");
        Path other = dir.resolve("other");
        Path chainData = dir.resolve("chain");
        assertEquals(0, FrontDoorCli.run(SELLER + "\nseller password 1\n", "wallet", "restore", "--vault", seller.toString()).exit());
        assertEquals(0, FrontDoorCli.run(BUYER + "\nbuyer password 12\n", "wallet", "restore", "--vault", buyer.toString()).exit());
        assertEquals(0, FrontDoorCli.run(OTHER + "\nother password 12\n", "wallet", "restore", "--vault", other.toString()).exit());
        Process chain = new ProcessBuilder(FrontDoorCli.command("chain", "dev", "--data", chainData.toString(), "--vault", seller.toString(),
                "--vault", buyer.toString(), "--vault", other.toString(), "--block-time", "1"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process box = null;
        try {
            JsonNode started = JSON.readTree(new BufferedReader(new InputStreamReader(chain.getInputStream(), StandardCharsets.UTF_8)).readLine());
            String[] on = {"--vault", seller.toString(), "--chain", "dev", "--rpc", started.path("rpc_url").asText(),
                    "--market", started.path("market").asText()};
            Path data = dir.resolve("box");
            Files.createDirectories(data.resolve("Photos/Summer"));
            Files.writeString(data.resolve("Photos/Summer/Sunset.txt"), "a red sky over the sea");
            Files.writeString(data.resolve("Photos/Summer/Beach.txt"), "waves");

            Path boxLog = dir.resolve("box.log");
            box = new ProcessBuilder(FrontDoorCli.command("box", "--data", data.toString(), "--listen", "127.0.0.1:0"))
                    .redirectErrorStream(true).redirectOutput(boxLog.toFile()).start();
            Matcher listening = FrontDoorCli.awaitLine(boxLog, Pattern.compile("box .* \\((did:key:\\S+)\\) listening on \\S*?:(\\d+)"));
            String boxDid = listening.group(1);
            String direct = "127.0.0.1:" + listening.group(2);

            FrontDoorCli.Run sold = sell(data, "Photos/Summer", "1.5", "--download", on);
            assertEquals(0, sold.exit(), sold.err());
            assertTrue(sold.err().contains("fee: at most"), "the fee before sending: " + sold.err());
            JsonNode machine = JSON.readTree(sold.out());
            String contentId = machine.path("content_id").asText();
            assertTrue(contentId.matches("0x[0-9a-f]{32}"), sold.out());
            assertEquals("download", machine.path("delivery").asText());
            assertEquals("elastos://" + boxDid + "/store/" + contentId, machine.path("metadata_uri").asText());

            assertEquals(0, FrontDoorCli.run("buyer password 12\n", "market", "buy", "--vault", buyer.toString(),
                    "--data", chainData.toString(), "--content-id", contentId, "--yes").exit());
            String recipient = Base64.getUrlEncoder().withoutPadding().encodeToString(PlaybackKey.generate().publicKey());
            FrontDoorCli.Run license = awaitLicense(buyer, "buyer password 12", boxDid, direct, contentId, recipient);
            assertEquals(0, license.exit(), license.err());
            License.verify(Envelope.parse(license.out()), DidKey.parse(boxDid));
            FrontDoorCli.Run taken = FrontDoorCli.run("buyer password 12\n", "download", "--vault", buyer.toString(), "--box", boxDid,
                    "--direct", direct, "--content-id", contentId, "--into", dir.resolve("mine").toString());
            assertEquals(0, taken.exit(), taken.err());
            assertEquals(dir.resolve("mine").resolve("Summer").toString(), JSON.readTree(taken.out()).path("path").asText());
            assertEquals("a red sky over the sea", Files.readString(dir.resolve("mine/Summer/Sunset.txt")));
            assertEquals("waves", Files.readString(dir.resolve("mine/Summer/Beach.txt")));
            FrontDoorCli.Run notBought = FrontDoorCli.run("other password 12\n", "download", "--vault", other.toString(), "--box", boxDid,
                    "--direct", direct, "--content-id", contentId, "--into", dir.resolve("theirs").toString());
            assertEquals(1, notBought.exit());
            assertTrue(notBought.err().contains("NO_RIGHT"), notBought.err());

            FrontDoorCli.Run paused = FrontDoorCli.run("seller password 1\n", concat(new String[] {"box", "unsell", "--data", data.toString(),
                    "Photos/Summer", "--yes"}, on));
            assertEquals(0, paused.exit(), paused.err());
            assertFalse(JSON.readTree(paused.out()).path("for_sale").asBoolean());
            FrontDoorCli.Run refused = FrontDoorCli.run("other password 12\n", "market", "buy", "--vault", other.toString(),
                    "--data", chainData.toString(), "--content-id", contentId, "--yes");
            assertEquals(1, refused.exit(), refused.out());
            assertTrue(refused.err().contains("the seller has paused sales of " + contentId), refused.err());
            assertEquals(0, awaitLicense(buyer, "buyer password 12", boxDid, direct, contentId, recipient).exit(),
                    "paused, the buyer still gets a license");

            FrontDoorCli.Run resumed = sell(data, "Photos/Summer/", "2", "--download", on);
            assertEquals(0, resumed.exit(), resumed.err());
            JsonNode again = JSON.readTree(resumed.out());
            assertEquals(contentId, again.path("content_id").asText(), "the same machine, not a new one");
            assertTrue(again.path("resumed").asBoolean());
            assertEquals(2, again.path("transactions").size(), "repriced and resumed: " + resumed.out());
            assertEquals(0, FrontDoorCli.run("other password 12\n", "market", "buy", "--vault", other.toString(),
                    "--data", chainData.toString(), "--content-id", contentId, "--yes").exit(), "on sale again, at 2");

            FrontDoorCli.Run folderToWatch = sell(data, "Photos", "1", "--watch", on);
            assertEquals(1, folderToWatch.exit());
            assertTrue(folderToWatch.err().contains("a folder is sold as a copy to download"), folderToWatch.err());
            FrontDoorCli.Run outside = sell(data, "../box.key", "1", "--download", on);
            assertEquals(1, outside.exit());
            assertTrue(outside.err().contains("cannot step out"), outside.err());
            FrontDoorCli.Run missing = sell(data, "Photos/Winter", "1", "--download", on);
            assertEquals(1, missing.exit());
            FrontDoorCli.Run notForSale = FrontDoorCli.run("seller password 1\n", concat(new String[] {"box", "unsell", "--data", data.toString(),
                    "Documents", "--yes"}, on));
            assertEquals(1, notForSale.exit());
            assertTrue(notForSale.err().contains("Documents is not for sale on this box"), notForSale.err());
        } finally {
            if (box != null) {
                box.destroy();
                box.waitFor(30, TimeUnit.SECONDS);
            }
            chain.destroy();
            chain.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static FrontDoorCli.Run sell(Path data, String path, String price, String delivery, String[] on) throws Exception {
        return FrontDoorCli.run("seller password 1\n", concat(new String[] {"box", "sell", "--data", data.toString(), path,
                "--price", price, delivery, "--yes"}, on));
    }

    private static FrontDoorCli.Run awaitLicense(Path vault, String password, String boxDid, String direct, String contentId,
                                                 String recipient) throws Exception {
        FrontDoorCli.Run granted = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            granted = FrontDoorCli.run(password + "\n", "license", "get", "--vault", vault.toString(), "--box", boxDid,
                    "--direct", direct, "--content-id", contentId, "--recipient-key", recipient);
            if (granted.exit() == 0) {
                break;
            }
            assertTrue(granted.err().contains("NO_RIGHT"), "only waiting for confirmations: " + granted.err());
            Thread.sleep(1000);
        }
        return granted;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
