package org.elastos.frontdoor.market;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Choosing a chain as the command line and the screens do: by name, with the development chain found where it is recorded. */
class ChainChoiceTest {
    @TempDir
    Path data;

    private static ChainChoice dev(Path data) {
        return new ChainChoice("dev", Optional.empty(), Optional.empty(), data);
    }

    @Test
    void findsTheRunningDevelopmentChainWhereItIsRecorded() throws Exception {
        try (DevChain chain = DevChain.start(HardhatProject.locate(), Map.of(), BigInteger.ONE)) {
            Files.writeString(data.resolve(ChainChoice.DEV_CHAIN_FILE), "{\"rpc_url\":\"" + chain.rpcUrl() + "\",\"market\":\""
                    + chain.market().value() + "\"}");
            try (EvmRpc rpc = dev(data).connect()) {
                assertEquals(31337, rpc.chainId());
                assertEquals(chain.market(), rpc.chain().market().orElseThrow());
                assertEquals(chain.rpcUrl(), rpc.chain().rpcUrl());
            }
            try (EvmRpc rpc = new ChainChoice("31337", Optional.of(chain.rpcUrl()), Optional.of(chain.market()), data.resolve("none")).connect()) {
                assertEquals(chain.market(), rpc.chain().market().orElseThrow(), "an RPC URL and a market need no record");
            }
        }
    }

    @Test
    void saysWhenNoDevelopmentChainWasEverStarted() {
        DevChainNotRunningException e = assertThrows(DevChainNotRunningException.class, () -> dev(data).connect());
        assertFalse(e.recorded());
        assertEquals(data.resolve(ChainChoice.DEV_CHAIN_FILE), e.recordFile());
    }

    @Test
    void saysWhenTheRecordedDevelopmentChainHasStopped() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.writeString(data.resolve(ChainChoice.DEV_CHAIN_FILE), "{\"rpc_url\":\"http://127.0.0.1:" + port
                + "\",\"market\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\"}");
        DevChainNotRunningException e = assertThrows(DevChainNotRunningException.class, () -> dev(data).connect());
        assertTrue(e.recorded());
        assertTrue(e.getMessage().contains("not running any more"), e.getMessage());
    }

    @Test
    void aPublicChainsNodeThatDoesNotAnswerIsUnreachableNotSilentlyAnother() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ChainChoice esc = new ChainChoice("esc", Optional.of(URI.create("http://127.0.0.1:" + port)), Optional.empty(), data);
        assertThrows(ChainUnreachableException.class, esc::connect);
    }
}
