package org.elastos.frontdoor.capsule;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real capsules, compiled from C by clang, run in Chicory: the well-behaved sample and every kind of hostile one. */
class CapsuleHostTest {
    static final String SAMPLE_PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    static Signer publisher;
    static Signer stranger;
    static byte[] helloWasm;
    static byte[] hostileWasm;
    static byte[] networkWasm;

    @TempDir
    Path dir;
    private AuditLog audit;
    private CapsuleHost host;
    private final Grant log = Grant.of("log");
    private final Grant films = new Grant("folder.read", Map.of("folder", "Films"));

    @BeforeAll
    static void capsulesAndPublishers() throws Exception {
        publisher = signer(SAMPLE_PHRASE);
        stranger = signer("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
        helloWasm = Files.readAllBytes(Path.of("samples/hello/hello.wasm"));
        hostileWasm = CapsuleHostTest.class.getResourceAsStream("/hostile/hostile.wasm").readAllBytes();
        networkWasm = CapsuleHostTest.class.getResourceAsStream("/hostile/network.wasm").readAllBytes();
    }

    static Signer signer(String phrase) throws Exception {
        Path vault = Files.createTempDirectory("capsule-publisher-");
        char[] password = "publisher password".toCharArray();
        Vault.at(vault).create(RecoveryPhrase.parse(phrase), "", password);
        return Wallet.open(Vault.at(vault)).unlock(password);
    }

    @BeforeEach
    void host() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(data.resolve("Films"));
        Files.createDirectories(data.resolve("Personal"));
        Files.writeString(data.resolve("Films/welcome.txt"), "Welcome to your films.");
        Files.writeString(data.resolve("Personal/diary.txt"), "private");
        TrustStore trust = new TrustStore(dir.resolve("trusted-publishers"));
        trust.trust(publisher.did());
        audit = new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC());
        host = new CapsuleHost(trust, audit, data, CapsuleLimits.DEVICE_MAXIMUM);
    }

    static CapsuleBundle bundle(Signer signer, String name, byte[] wasm, List<Grant> requested, CapsuleLimits limits) {
        return CapsuleBundle.sign(signer, new CapsuleManifest(name, "1.0.0", signer.did(), "0".repeat(64), requested, limits), wasm);
    }

    private CapsuleBundle hello() {
        return bundle(publisher, "hello", helloWasm, List.of(log, films), new CapsuleLimits(4, Duration.ofSeconds(2)));
    }

    private LoadedCapsule hostile(Duration budget) {
        CapsuleBundle bundle = bundle(publisher, "hostile", hostileWasm, List.of(log, films), new CapsuleLimits(8, budget));
        return host.load(bundle, List.of(log, films));
    }

    @Test
    void theSampleUsesItsGrantsEndToEndAndLeavesAnAuditTrail() {
        try (LoadedCapsule hello = host.load(CapsuleBundle.read(hello().toZip()), List.of(log, films))) {
            assertEquals("Welcome to your films.".length(), hello.call("run")[0]);
        }
        List<String> trail = audit.entries().stream().map(e -> e.subject() + " " + e.event() + " " + e.detail()).toList();
        assertEquals(List.of(
                "hello grant log",
                "hello grant folder.read{folder=Films}",
                "hello load 1.0.0 from " + publisher.did(),
                "hello use log: hello from a capsule",
                "hello use folder.read: \"Films/welcome.txt\" (22 bytes)",
                "hello use log: Welcome to your films."), trail);
        assertTrue(audit.firstBrokenEntry().isEmpty());
    }

    @Test
    void runsFirstPartyCodeCompiledAtBuildTimeAndCompilesOthersOnceByHash() {
        assertTrue(CompiledModules.compiledAtBuildTime(CapsuleBundle.sha256(helloWasm)), "hello ships compiled");
        for (int i = 0; i < 3; i++) {
            try (LoadedCapsule hello = host.load(hello(), List.of(log, films))) {
                assertEquals(22, hello.call("run")[0]);
            }
            hostile(Duration.ofSeconds(1)).close();
        }
        assertEquals(1, host.compiledModules(), "only the hostile module is compiled at load, and only once");
    }

    @Test
    void refusesAForgedSignature() {
        CapsuleBundle signed = hello();
        CapsuleBundle forged = new CapsuleBundle(signed.manifestJson().replace("\"hello\"", "\"hellp\""), helloWasm);
        assertThrows(CapsuleException.SignatureRejected.class, () -> host.load(forged, List.of(log, films)));
        AuditLog.Entry last = audit.entries().get(audit.entries().size() - 1);
        assertEquals("refuse", last.event());
        assertEquals("unverified:hellp", last.subject(), "a forged name is never recorded as a real capsule's");
    }

    @Test
    void refusesATamperedModule() {
        byte[] tampered = helloWasm.clone();
        tampered[tampered.length - 1] ^= 0x01;
        CapsuleBundle bundle = new CapsuleBundle(hello().manifestJson(), tampered);
        assertThrows(CapsuleException.WasmMismatch.class, () -> host.load(bundle, List.of(log, films)));
    }

    @Test
    void refusesAnUntrustedPublisher() {
        CapsuleBundle bundle = bundle(stranger, "hello", helloWasm, List.of(log, films), new CapsuleLimits(4, Duration.ofSeconds(2)));
        CapsuleException e = assertThrows(CapsuleException.UntrustedPublisher.class, () -> host.load(bundle, List.of(log, films)));
        assertTrue(e.getMessage().contains(stranger.did().value()));
    }

    @Test
    void refusesAnImportWithNoGrantBeforeInstantiating() {
        CapsuleException e = assertThrows(CapsuleException.UngrantedImport.class, () -> host.load(hello(), List.of(log)));
        assertTrue(e.getMessage().contains("folder.read was not granted"), e.getMessage());
        CapsuleBundle network = bundle(publisher, "network", networkWasm, List.of(), new CapsuleLimits(2, Duration.ofSeconds(1)));
        CapsuleException offered = assertThrows(CapsuleException.UngrantedImport.class, () -> host.load(network, List.of()));
        assertTrue(offered.getMessage().contains("elastos.net_connect"), offered.getMessage());
    }

    @Test
    void aCapabilityThisDeviceDoesNotOfferIsRefusedEvenWhenGranted() {
        Grant net = Grant.of("net.connect");
        CapsuleBundle network = bundle(publisher, "network", networkWasm, List.of(net), new CapsuleLimits(2, Duration.ofSeconds(1)));
        assertThrows(CapsuleException.UngrantedImport.class, () -> host.load(network, List.of(net)));
    }

    @Test
    void aGrantTheManifestDidNotAskForIsIgnored() {
        CapsuleBundle logOnly = bundle(publisher, "hello", helloWasm, List.of(log), new CapsuleLimits(4, Duration.ofSeconds(2)));
        assertThrows(CapsuleException.UngrantedImport.class, () -> host.load(logOnly, List.of(log, films)));
    }

    @Test
    void stopsAnInfiniteLoopAndTheAppKeepsWorking() throws Exception {
        LoadedCapsule capsule = hostile(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThrows(CapsuleException.TimedOut.class, () -> capsule.call("spin"));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "the loop was not stopped promptly");
        assertTrue(capsuleThreadEnds("capsule-hostile"), "the capsule's thread still spins after it was stopped");
        assertThrows(CapsuleException.Trapped.class, () -> capsule.call("divide", 4, 2), "a stopped capsule stays stopped");
        try (LoadedCapsule hello = host.load(hello(), List.of(log, films))) {
            assertEquals(22, hello.call("run")[0]);
        }
    }

    private static boolean capsuleThreadEnds(String name) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(name) && t.isAlive())) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void theInterpreterStopsAnInfiniteLoopToo() throws Exception {
        CapsuleHost interpreting = new CapsuleHost(new TrustStore(dir.resolve("trusted-publishers")), audit,
                dir.resolve("data"), CapsuleLimits.DEVICE_MAXIMUM, CapsuleHost.Execution.INTERPRETED);
        LoadedCapsule capsule = interpreting.load(bundle(publisher, "looper", hostileWasm, List.of(log, films),
                new CapsuleLimits(8, Duration.ofMillis(300))), List.of(log, films));
        assertEquals(2, capsule.call("divide", 4, 2)[0]);
        assertThrows(CapsuleException.TimedOut.class, () -> capsule.call("spin"));
        assertTrue(capsuleThreadEnds("capsule-looper"));
    }

    @Test
    void stopsAMemoryBomb() {
        CapsuleException e = assertThrows(CapsuleException.MemoryExceeded.class, () -> hostile(Duration.ofSeconds(2)).call("grab_memory"));
        assertTrue(e.getMessage().contains("past its cap of 512 KiB"), e.getMessage());
    }

    @Test
    void stopsALogFlood() {
        assertThrows(CapsuleException.LogFlooded.class, () -> hostile(Duration.ofSeconds(5)).call("flood_log"));
        long logged = audit.entries().stream().filter(e -> e.detail().startsWith("log: flood")).count();
        assertEquals(Capabilities.MAX_LOG_LINES_PER_CALL, logged);
        assertEquals("deny", audit.entries().get(audit.entries().size() - 2).event());
    }

    @Test
    void stopsACallOfAGrantedCapabilityOutsideItsGrant() {
        assertThrows(CapsuleException.CapabilityDenied.class, () -> hostile(Duration.ofSeconds(2)).call("escape_folder"));
        assertTrue(audit.entries().stream().anyMatch(e -> e.event().equals("deny") && e.detail().contains("Personal/diary.txt")));
    }

    @Test
    void aTrapEndsTheCapsuleWithATypedError() {
        LoadedCapsule capsule = hostile(Duration.ofSeconds(2));
        assertEquals(2, capsule.call("divide", 4, 2)[0]);
        assertThrows(CapsuleException.Trapped.class, () -> capsule.call("divide", 1, 0));
    }

    @Test
    void refusesLimitsBeyondWhatThisDeviceAllows() {
        CapsuleBundle greedy = bundle(publisher, "hello", helloWasm, List.of(log, films), new CapsuleLimits(1024, Duration.ofSeconds(2)));
        assertThrows(CapsuleException.BundleRejected.class, () -> host.load(greedy, List.of(log, films)));
        CapsuleBundle tooSmall = bundle(publisher, "hello", helloWasm, List.of(log, films), new CapsuleLimits(1, Duration.ofSeconds(2)));
        assertThrows(CapsuleException.BundleRejected.class, () -> host.load(tooSmall, List.of(log, films)));
    }

    @Test
    void refusesABundleWithAnythingButAManifestAndAModule() throws Exception {
        byte[] zip = hello().toZip();
        assertArrayEquals(zip, hello().toZip(), "packing is deterministic");
        assertThrows(CapsuleException.BundleRejected.class, () -> CapsuleBundle.read(new byte[] {1, 2, 3}));
    }

    @Test
    void theAuditLogDetectsAnEditedEntry() throws Exception {
        try (LoadedCapsule hello = host.load(hello(), List.of(log, films))) {
            hello.call("run");
        }
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, Files.readString(file).replace("(22 bytes)", "(0 bytes)"));
        assertEquals(5L, new AuditLog(file, Clock.systemUTC()).firstBrokenEntry().orElseThrow());
    }
}
