package org.elastos.frontdoor.wallet.vault;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.elastos.frontdoor.wallet.signer.EvmSignature;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalletTest {
    @TempDir
    Path dir;
    private Wallet wallet;

    @BeforeEach
    void createVault() {
        Vault.at(dir).create(RecoveryPhrase.parse(VaultTest.ABANDON), "", VaultTest.PASSWORD);
        wallet = Wallet.open(Vault.at(dir));
    }

    @Test
    void signsEnvelopesAsTheProfileAndAsTheDevice() {
        Signer signer = wallet.unlock(VaultTest.PASSWORD);
        var payload = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("hello", "box");
        assertEquals(wallet.identity().did(), signer.signEnvelope(EnvelopeDomains.PAIR_INVITE, payload).verify(EnvelopeDomains.PAIR_INVITE));
        assertEquals(wallet.identity().deviceDid(), signer.device().signEnvelope(EnvelopeDomains.PAIR_INVITE, payload).verify(EnvelopeDomains.PAIR_INVITE));
        byte[] message = "raw".getBytes(StandardCharsets.UTF_8);
        assertTrue(signer.did().verifies(message, signer.sign(message)));
    }

    @Test
    void anEip191SignatureRecoversToTheAccount() throws Exception {
        Signer signer = wallet.unlock(VaultTest.PASSWORD);
        byte[] message = "I own this content id".getBytes(StandardCharsets.UTF_8);
        EvmSignature signature = signer.personalSign(message);
        BigInteger publicKey = Sign.signedPrefixedMessageToKey(message,
                new Sign.SignatureData(signature.v(), signature.r(), signature.s()));
        assertEquals(new EvmAddress("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"), EvmAddress.fromPublicKey(publicKey));
        assertEquals(132, signature.toHex().length());
    }

    @Test
    void signsLegacyEip155AndEip1559TransactionsThatRecoverToTheAccount() throws Exception {
        Signer signer = wallet.unlock(VaultTest.PASSWORD);
        String to = "0x000000000000000000000000000000000000dead";
        RawTransaction legacy = RawTransaction.createEtherTransaction(BigInteger.ONE, BigInteger.TEN.pow(9), BigInteger.valueOf(21000), to, BigInteger.TEN.pow(18));
        SignedRawTransaction decodedLegacy = (SignedRawTransaction) TransactionDecoder.decode(
                org.web3j.utils.Numeric.toHexString(signer.signTransaction(legacy, 20)));
        assertEquals(Long.valueOf(20), decodedLegacy.getChainId());
        assertEquals(signer.evmAddress().value().toLowerCase(), decodedLegacy.getFrom().toLowerCase());

        RawTransaction dynamicFee = RawTransaction.createEtherTransaction(31337, BigInteger.TWO, BigInteger.valueOf(21000), to,
                BigInteger.TEN, BigInteger.valueOf(1_000_000_000), BigInteger.valueOf(2_000_000_000));
        SignedRawTransaction decoded1559 = (SignedRawTransaction) TransactionDecoder.decode(
                org.web3j.utils.Numeric.toHexString(signer.signTransaction(dynamicFee, 31337)));
        assertEquals(Keys.toChecksumAddress(signer.evmAddress().value()), Keys.toChecksumAddress(decoded1559.getFrom()));
        assertThrows(IllegalArgumentException.class, () -> signer.signTransaction(dynamicFee, 1));
    }

    @Test
    void lockingKillsEverySignerHandedOut() {
        Signer signer = wallet.unlock(VaultTest.PASSWORD);
        Signer device = signer;
        wallet.lock();
        assertFalse(wallet.isUnlocked());
        assertThrows(WalletLockedException.class, () -> device.sign(new byte[] {1}));
        assertThrows(WalletLockedException.class, () -> signer.device().sign(new byte[] {1}));
        assertThrows(WalletLockedException.class, () -> signer.personalSign(new byte[] {1}));
        assertTrue(wallet.signer().isEmpty());
    }

    @Test
    void aWrongPasswordLeavesTheWalletLocked() {
        assertThrows(WrongPasswordException.class, () -> wallet.unlock("not the password".toCharArray()));
        assertFalse(wallet.isUnlocked());
    }

    @Test
    void locksItselfAfterTheIdleLimitAndTellsListeners() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        wallet.onLock(locked::countDown);
        wallet.unlock(VaultTest.PASSWORD);
        long start = System.nanoTime(); // before autoLockAfter, which counts idle time from its own call
        wallet.autoLockAfter(Duration.ofMillis(300));
        assertTrue(locked.await(5, TimeUnit.SECONDS), "auto-lock never came");
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
        assertFalse(wallet.isUnlocked());
    }

    @Test
    void activityPostponesAutoLock() throws Exception {
        wallet.unlock(VaultTest.PASSWORD);
        // Generous margins: 100 ms steps against a 1 s limit, over 2.5 s in all, so a busy machine cannot flake it.
        wallet.autoLockAfter(Duration.ofSeconds(1));
        for (int i = 0; i < 25; i++) {
            Thread.sleep(100);
            wallet.recordActivity();
        }
        assertTrue(wallet.isUnlocked(), "activity every 100 ms must keep a 1 s auto-lock away for 2.5 s");
    }

    @Test
    void theDeviceCertificateBindsTheDeviceToTheProfile() {
        var certificate = wallet.identity().deviceCertificate();
        DidKey signer = certificate.verify(EnvelopeDomains.DEVICE_CERTIFICATE);
        assertEquals(wallet.identity().did(), signer);
        assertEquals(wallet.identity().deviceDid().value(), certificate.payload().path("device_did").asText());
    }
}
