package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxRefusal;
import org.elastos.frontdoor.link.BoxRefusedException;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.DevChain;
import org.elastos.frontdoor.market.HardhatProject;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.Transactions;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The owner's screen making vending machines on a real box over the link, listed on a real Hardhat node: the box
 * packages with progress, believes the chain and not the device about the listing, takes back what was never listed,
 * and lets no one but an owner do any of it.
 */
class MachinesOverTheLinkTest {
    private static final BigInteger PRICE = new BigInteger("2000000000000000000");
    private static Path dir;
    private static Path data;
    private static Signer seller;
    private static DevChain chain;
    private static HomeBox box;
    private static BoxClient owner;

    @BeforeAll
    static void startABoxAndAChain() throws Exception {
        dir = Files.createTempDirectory("machines-link-");
        seller = TestAccounts.signer(dir.resolve("seller"), TestAccounts.SELLER);
        Map<String, EvmAddress> accounts = new LinkedHashMap<>();
        accounts.put("seller", seller.evmAddress());
        chain = DevChain.start(HardhatProject.locate(), accounts, PRICE.multiply(BigInteger.TEN));
        data = dir.resolve("box");
        box = HomeBox.start(data, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC());
        Files.createDirectories(data.resolve("Photos/Summer"));
        Files.write(data.resolve("Photos/Summer/Sunset.png"), new byte[700_000]);
        Files.write(data.resolve("Photos/Summer/Waves.jpg"), new byte[300_000]);
        Files.write(data.resolve("Documents/Recipe.txt"), "bread".getBytes());
        owner = pair(seller.device(), "Laptop");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable running : new AutoCloseable[] {owner, box, chain}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception ignored) {
                // Stopping anyway.
            }
        }
    }

    private static BoxClient pair(org.elastos.frontdoor.wallet.signer.DidSigner device, String name) {
        PairingInvite invite = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
        BoxClient client = BoxClient.connect(invite.endpoints().get(0), box.did(), device);
        BoxClient.Enrollment enrollment = client.pair(invite, name);
        enrollment.token().ifPresent(client::withToken);
        return client;
    }

    private static BoxClient.MachineJob make(String path, boolean watch) throws InterruptedException {
        BoxClient.MachineJob job = owner.makeMachine(path, watch, "", chain.profile().chainId(), chain.market(),
                seller.evmAddress(), chain.rpcUrl());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (job.state() == BoxClient.MachineJob.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = owner.machineJob(job.id());
        }
        return job;
    }

    private static void listOnChain(StoreItem item) {
        new Transactions(chain.rpc(), seller).submit(Market.on(chain.rpc())
                .list(ContentId.of(item.contentId()), PRICE, item.metadataUri()));
    }

    @Test
    void aFolderIsMadeIntoAMachineThatTheBoxSignsAsListedOnlyOnceTheChainListsIt() throws Exception {
        BoxClient.MachineJob job = make("Photos/Summer", false);
        assertEquals(BoxClient.MachineJob.State.DONE, job.state(), job.detail());
        assertEquals(1.0, job.progress());
        StoreItem item = job.item().orElseThrow();
        assertTrue(item.download().orElseThrow().folder());
        assertEquals(2, item.download().orElseThrow().entries());

        BoxClient.Machine half = machine("Photos/Summer");
        assertTrue(half.halfMade(), "packaged and not yet listed");
        assertEquals(seller.evmAddress(), half.seller());
        BoxRefusedException early = assertThrows(BoxRefusedException.class, () -> owner.machineListed(item.contentIdHex()));
        assertEquals(BoxRefusal.NOT_LISTED, early.reason(), "the device's word is not enough: the chain must list it");
        assertTrue(machine("Photos/Summer").halfMade());

        listOnChain(item);
        StoreItem listed = owner.machineListed(item.contentIdHex());
        assertEquals(seller.evmAddress(), listed.listing().orElseThrow().seller().orElseThrow());
        assertFalse(machine("Photos/Summer").halfMade());
        assertTrue(owner.catalog().stream().anyMatch(entry -> entry.toJsonString().contains(item.contentIdHex())));

        BoxRefusedException twice = assertThrows(BoxRefusedException.class, () -> owner.makeMachine("Photos/Summer", false,
                "", chain.profile().chainId(), chain.market(), seller.evmAddress(), chain.rpcUrl()));
        assertEquals(BoxRefusal.ALREADY_EXISTS, twice.reason(), "a path with a machine is resumed, not made again");
        BoxRefusedException listedStays = assertThrows(BoxRefusedException.class, () -> owner.takeBackMachine(item.contentIdHex()));
        assertEquals(BoxRefusal.BAD_REQUEST, listedStays.reason(), "a listed machine is paused, never taken back");
        assertTrue(box.audit().entries().stream().anyMatch(entry -> entry.detail().contains("Photos/Summer")
                && entry.detail().contains("is listed; now sold")));
    }

    @Test
    void aFilmToWatchIsMadeAndListedTheSameWay() throws Exception {
        Files.copy(org.elastos.frontdoor.media.TestFilms.h264Aac(2), data.resolve("Films/Evening.mp4"));
        BoxClient.MachineJob job = make("Films/Evening.mp4", true);
        assertEquals(BoxClient.MachineJob.State.DONE, job.state(), job.detail());
        StoreItem item = job.item().orElseThrow();
        assertTrue(item.watch().isPresent());
        assertEquals(chain.market(), item.listing().orElseThrow().market(), "the entry says where it will be sold");
        listOnChain(item);
        assertEquals(seller.evmAddress(), owner.machineListed(item.contentIdHex()).listing().orElseThrow().seller().orElseThrow());
    }

    @Test
    void aMachineNeverListedIsTakenBackKeyAndAll() throws Exception {
        BoxClient.MachineJob job = make("Documents/Recipe.txt", false);
        StoreItem item = job.item().orElseThrow();
        assertTrue(Files.isDirectory(data.resolve("store").resolve(item.contentIdHex())));
        owner.takeBackMachine(item.contentIdHex());
        assertFalse(Files.exists(data.resolve("store").resolve(item.contentIdHex())));
        assertTrue(owner.machines().stream().noneMatch(m -> Arrays.equals(m.item().contentId(), item.contentId())));
    }

    @Test
    void whatCannotBeMadeIsRefusedBeforeAnyWorkStarts() {
        assertEquals(BoxRefusal.BAD_REQUEST, refusal(() -> owner.makeMachine("Photos/Summer", true, "",
                chain.profile().chainId(), chain.market(), seller.evmAddress(), chain.rpcUrl())), "a folder cannot be watched");
        assertEquals(BoxRefusal.NOT_FOUND, refusal(() -> owner.makeMachine("Photos/Winter", false, "",
                chain.profile().chainId(), chain.market(), seller.evmAddress(), chain.rpcUrl())));
        assertEquals(BoxRefusal.BAD_REQUEST, refusal(() -> owner.makeMachine("../box.key", false, "",
                chain.profile().chainId(), chain.market(), seller.evmAddress(), chain.rpcUrl())));
        assertEquals(BoxRefusal.BAD_REQUEST, refusal(() -> owner.makeMachine("Documents/Recipe.txt", false, "",
                chain.profile().chainId(), chain.market(), seller.evmAddress(), URI.create("file:///etc/passwd"))));
        assertEquals(BoxRefusal.NOT_FOUND, refusal(() -> owner.machineJob("0123456789abcdef")));
        assertEquals(BoxRefusal.BAD_REQUEST, refusal(() -> owner.takeBackMachine("0xnot-an-id")));
    }

    @Test
    void aDeviceThatIsNotAnOwnerCanNeitherSeeNorMakeMachines() {
        HostKey stranger = HostKey.loadOrCreate(dir.resolve("stranger.key"), new SecureRandom());
        try (BoxClient client = BoxClient.connect(box.endpoints().get(0), box.did(), stranger)) {
            assertEquals(BoxRefusal.NOT_ENROLLED, refusal(client::machines));
            assertEquals(BoxRefusal.NOT_ENROLLED, refusal(() -> client.makeMachine("Photos/Summer", false, "",
                    chain.profile().chainId(), chain.market(), seller.evmAddress(), chain.rpcUrl())));
        }
        HostKey guest = HostKey.loadOrCreate(dir.resolve("guest.key"), new SecureRandom());
        try (BoxClient member = pair(guest, "Guest phone")) {
            owner.approve(guest.did());
            member.withToken(member.enrollment().token().orElseThrow());
            assertEquals(BoxRefusal.NOT_ALLOWED, refusal(member::machines), "a member reads files, not the owner's machines");
            assertEquals(BoxRefusal.NOT_ALLOWED, refusal(() -> member.takeBackMachine("0x" + "00".repeat(16))));
        }
    }

    private static BoxClient.Machine machine(String source) {
        return owner.machines().stream().filter(m -> m.source().equals(source)).findFirst().orElseThrow();
    }

    private static BoxRefusal refusal(Runnable request) {
        return assertThrows(BoxRefusedException.class, request::run).reason();
    }
}
