package org.elastos.frontdoor.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.elastos.frontdoor.wallet.derive.HdPath;
import org.elastos.frontdoor.wallet.derive.Slip10Ed25519;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a person or a script uses it: the packaged app, in its own process, fed on stdin. */
class CommandLineJourneyTest {
    private static final String ABANDON = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static FrontDoorCli.Run frontdoor(String stdin, String... args) throws IOException, InterruptedException {
        return FrontDoorCli.run(stdin, args);
    }

    @Test
    void restoresTheAbandonPhraseToItsKnownAddressAndSlip10Did() throws Exception {
        Path vault = dir.resolve("vault");
        FrontDoorCli.Run restore = frontdoor(ABANDON + "\ncorrect horse battery\n", "wallet", "restore", "--vault", vault.toString());
        assertEquals(0, restore.exit(), restore.err());

        FrontDoorCli.Run show = frontdoor("", "wallet", "show", "--vault", vault.toString());
        assertEquals(0, show.exit(), show.err());
        JsonNode identity = JSON.readTree(show.out());
        assertEquals("0x9858EfFD232B4033E47d90003D41EC34EcaEda94", identity.get("evm_address").asText());

        byte[] seed = RecoveryPhrase.parse(ABANDON).seed("");
        byte[] profileKey = Slip10Ed25519.derive(seed, HdPath.PROFILE_DID).privateKey();
        DidKey expected = DidKey.fromEd25519PublicKey(new Ed25519PrivateKeyParameters(profileKey, 0).generatePublicKey().getEncoded());
        assertEquals(expected.value(), identity.get("did").asText());
        assertEquals("did:key:z6Mknn5UrsbK42cnyXHkTmy1VJW3VGRTCNCqXGADCkHt9GwL", identity.get("did").asText());
        assertEquals("did:elastos:iUTLfAssZyJ9RxjnZmgGUSCqWyY388g6JV", identity.get("elastos_did").asText());
        assertTrue(identity.get("device_did").asText().startsWith("did:key:z6Mk"));
    }

    @Test
    void createsAnIdentityPrintingThePhraseOnceAndNeverStoringIt() throws Exception {
        Path vault = dir.resolve("new");
        FrontDoorCli.Run create = frontdoor("a good long password\n", "wallet", "create", "--vault", vault.toString());
        assertEquals(0, create.exit(), create.err());
        String phraseLine = create.out().lines().skip(1).findFirst().orElseThrow();
        assertEquals(24, RecoveryPhrase.parse(phraseLine).words().size());
        String stored = Files.readString(vault.resolve("vault.json"));
        String[] words = phraseLine.split(" ");
        for (int i = 0; i + 1 < words.length; i++) {
            assertFalse(stored.contains(words[i] + " " + words[i + 1]), "part of the phrase is stored in clear");
        }
        FrontDoorCli.Run again = frontdoor("a good long password\n", "wallet", "create", "--vault", vault.toString());
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("never overwritten"), again.err());
    }

    @Test
    void signsAnEnvelopeThatVerifiesAndRefusesItOnceTampered() throws Exception {
        Path vault = dir.resolve("signer");
        assertEquals(0, frontdoor(ABANDON + "\ncorrect horse battery\n", "wallet", "restore", "--vault", vault.toString()).exit());
        Path payload = Files.writeString(dir.resolve("payload.json"), "{\"film\":\"Big Buck Bunny\",\"price\":3}");

        FrontDoorCli.Run sign = frontdoor("correct horse battery\n", "envelope", "sign", "--vault", vault.toString(), "--domain", "elastos.test.v1", payload.toString());
        assertEquals(0, sign.exit(), sign.err());
        Path envelope = Files.writeString(dir.resolve("envelope.json"), sign.out());

        FrontDoorCli.Run verify = frontdoor("", "envelope", "verify", envelope.toString());
        assertEquals(0, verify.exit(), verify.err());
        assertEquals("did:key:z6Mknn5UrsbK42cnyXHkTmy1VJW3VGRTCNCqXGADCkHt9GwL", verify.out().trim());

        Files.writeString(envelope, sign.out().replace("\"price\" : 3", "\"price\" : 0"));
        FrontDoorCli.Run tampered = frontdoor("", "envelope", "verify", envelope.toString());
        assertEquals(1, tampered.exit());
        assertTrue(tampered.err().contains("altered"), tampered.err());

        Files.writeString(envelope, sign.out());
        FrontDoorCli.Run wrongDomain = frontdoor("", "envelope", "verify", "--domain", "elastos.release.v1", envelope.toString());
        assertEquals(1, wrongDomain.exit());

        FrontDoorCli.Run wrongPassword = frontdoor("not it at all\n", "envelope", "sign", "--vault", vault.toString(), "--domain", "elastos.test.v1", payload.toString());
        assertEquals(1, wrongPassword.exit());
        assertTrue(wrongPassword.err().contains("password"), wrongPassword.err());
    }

    @Test
    void signsAReleaseManifestAndRefusesAFlippedByteAnywhere() throws Exception {
        Path vault = dir.resolve("publisher");
        assertEquals(0, frontdoor(ABANDON + "\ncorrect horse battery\n", "wallet", "restore", "--vault", vault.toString()).exit());
        Path deb = Files.write(dir.resolve("elastos-frontdoor_0.2.0-1_amd64.deb"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Path msi = Files.write(dir.resolve("elastOS Front Door-0.2.0.msi"), new byte[] {9, 8, 7});
        Path manifest = dir.resolve("release-manifest.json");
        String publisher = "did:key:z6Mknn5UrsbK42cnyXHkTmy1VJW3VGRTCNCqXGADCkHt9GwL";

        FrontDoorCli.Run sign = frontdoor("correct horse battery\n", "release", "sign", "--vault", vault.toString(), "--out", manifest.toString(),
                "--release-version", "0.2.0", deb.toString(), msi.toString());
        assertEquals(0, sign.exit(), sign.err());
        FrontDoorCli.Run verify = frontdoor("", "release", "verify", "--publisher", publisher, manifest.toString(), deb.toString(), msi.toString());
        assertEquals(0, verify.exit(), verify.err());
        assertEquals(publisher, verify.out().trim());

        FrontDoorCli.Run stranger = frontdoor("", "release", "verify", "--publisher", "did:key:z6MkmjY8GnV5i9YTDtPETC2uUAW6ejw3nk5mXF5yci5ab7th",
                manifest.toString(), deb.toString());
        assertEquals(1, stranger.exit());
        assertTrue(stranger.err().contains("not a publisher you trust"), stranger.err());

        byte[] original = Files.readAllBytes(deb);
        byte[] flipped = original.clone();
        flipped[4] ^= 0x10;
        Files.write(deb, flipped);
        FrontDoorCli.Run badArtifact = frontdoor("", "release", "verify", manifest.toString(), deb.toString());
        assertEquals(1, badArtifact.exit());
        assertTrue(badArtifact.err().contains("does not match its signed manifest"), badArtifact.err());
        Files.write(deb, original);

        String json = Files.readString(manifest);
        int at = json.indexOf("\"version\" : \"0.2.0\"") + 15;
        Files.writeString(manifest, json.substring(0, at) + "3" + json.substring(at + 1));
        FrontDoorCli.Run badManifest = frontdoor("", "release", "verify", manifest.toString(), deb.toString());
        assertEquals(1, badManifest.exit());
        assertTrue(badManifest.err().contains("not genuine"), badManifest.err());
    }

    @Test
    void verifiesAndRunsTheSampleCapsuleWithItsGrants() throws Exception {
        Path sample = Path.of("..", "capsule-sandbox", "samples", "hello.capsule");
        FrontDoorCli.Run verify = frontdoor("", "capsule", "verify", sample.toString());
        assertEquals(0, verify.exit(), verify.err());
        assertEquals("did:key:z6Mkmd59zR28MwikmQ3ASFaaSebGRfdR1QCXb4MRKAftSzpy", verify.out().trim());

        byte[] changed = Files.readAllBytes(sample);
        changed[changed.length / 2] ^= 0x01;
        Path copy = Files.write(dir.resolve("hello-changed.capsule"), changed);
        assertEquals(1, frontdoor("", "capsule", "verify", copy.toString()).exit());

        Path data = Files.createDirectories(dir.resolve("box").resolve("Films"));
        Files.writeString(data.resolve("welcome.txt"), "Hi!");
        FrontDoorCli.Run untrusted = frontdoor("", "capsule", "run", sample.toString(), "--data", data.getParent().toString(),
                "--grant", "log", "--grant", "folder.read:folder=Films");
        assertEquals(1, untrusted.exit());
        assertTrue(untrusted.err().contains("not in your trusted publishers"), untrusted.err());

        Files.writeString(data.getParent().resolve("trusted-publishers"), verify.out());
        FrontDoorCli.Run run = frontdoor("", "capsule", "run", sample.toString(), "--data", data.getParent().toString(),
                "--grant", "log", "--grant", "folder.read:folder=Films");
        assertEquals(0, run.exit(), run.err());
        assertEquals("[3]", run.out().trim());
        assertTrue(run.err().contains("hello use folder.read: \"Films/welcome.txt\" (3 bytes)"), run.err());
    }

    @Test
    void aMisspelledWordIsNamedAndNothingIsCreated() throws Exception {
        Path vault = dir.resolve("typo");
        FrontDoorCli.Run restore = frontdoor(ABANDON.replace("about", "abuot") + "\ncorrect horse battery\n", "wallet", "restore", "--vault", vault.toString());
        assertEquals(1, restore.exit());
        assertTrue(restore.err().contains("\"abuot\" (word 12)"), restore.err());
        assertFalse(Files.exists(vault.resolve("vault.json")));
    }
}
