package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local development chain: a Hardhat node bound to 127.0.0.1 on a free port, with the market deployed and the
 * named accounts funded. Closing it stops the node. Tests and the demo world use it; it never touches a public
 * chain. The deploying account is one the node itself holds, so no private key passes through here either.
 */
public final class DevChain implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final int ATTEMPTS = 3;

    private final Process node;
    private final Path logFile;
    private final ChainProfile profile;
    private final EvmRpc rpc;
    private final Map<String, EvmAddress> accounts;

    private DevChain(Process node, Path logFile, ChainProfile profile, EvmRpc rpc, Map<String, EvmAddress> accounts) {
        this.node = node;
        this.logFile = logFile;
        this.profile = profile;
        this.rpc = rpc;
        this.accounts = Collections.unmodifiableMap(accounts);
    }

    /**
     * Starts the node, deploys the market and gives each named account {@code funding} of the chain's coin.
     *
     * @throws DevChainException with the node's own output when it cannot start
     */
    public static DevChain start(HardhatProject project, Map<String, EvmAddress> toFund, BigInteger funding) {
        DevChainException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return startOnce(project, new LinkedHashMap<>(toFund), funding);
            } catch (DevChainException e) {
                // Another process can take the free port between our probe and the node's bind; try a new one.
                last = e;
            }
        }
        throw last;
    }

    private static DevChain startOnce(HardhatProject project, Map<String, EvmAddress> toFund, BigInteger funding) {
        int port = freePort();
        Path log;
        Process node;
        try {
            log = Files.createTempFile("frontdoor-devchain-", ".log");
            // Standard input stays an open pipe for the node's life: when this JVM ends, however it ends, the pipe
            // closes and the node stops (scripts/dev-node.js).
            node = new ProcessBuilder(List.of("node", project.devNodeScript().toString(), "--hostname", "127.0.0.1",
                    "--port", String.valueOf(port)))
                    .directory(project.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new DevChainException("cannot start Hardhat with `node` (" + e.getMessage()
                    + "); install Node.js 18 or newer and run `npm ci` in " + project.root(), e);
        }
        ChainProfile profile = ChainProfiles.DEV.withRpcUrl(URI.create("http://127.0.0.1:" + port));
        EvmRpc rpc = new EvmRpc(profile);
        try {
            awaitAnswer(node, rpc, log);
            rpc.requireExpectedChain();
            EvmAddress deployer = rpc.nodeAccounts().get(0);
            EvmAddress market = deploy(rpc, deployer);
            for (EvmAddress account : toFund.values()) {
                await(rpc, rpc.sendFromNodeAccount(deployer, Optional.of(account), funding, "0x"));
            }
            return new DevChain(node, log, profile.withMarket(market), new EvmRpc(profile.withMarket(market)), toFund);
        } catch (RuntimeException e) {
            stop(node);
            String output = tail(log);
            deleteQuietly(log);
            throw e instanceof DevChainException dev ? dev
                    : new DevChainException("the development chain started but could not be prepared: " + e.getMessage()
                            + (output.isBlank() ? "" : "\n" + output), e);
        } finally {
            rpc.close();
        }
    }

    /** The dev profile with this node's URL and market address. */
    public ChainProfile profile() {
        return profile;
    }

    public EvmRpc rpc() {
        return rpc;
    }

    public URI rpcUrl() {
        return profile.rpcUrl();
    }

    public EvmAddress market() {
        return profile.requireMarket();
    }

    public Map<String, EvmAddress> accounts() {
        return accounts;
    }

    /** Mines {@code blocks} empty blocks, so purchases gain confirmations. */
    public void mine(int blocks) {
        rpc.command("hardhat_mine", List.of("0x" + Integer.toHexString(blocks)));
    }

    /**
     * Also mines a block every {@code interval}, as a real chain would, so purchases gain confirmations while a
     * person waits. Without it, blocks are mined only when a transaction arrives or {@link #mine} is called.
     */
    public void mineEvery(Duration interval) {
        rpc.command("evm_setIntervalMining", List.of(interval.toMillis()));
    }

    public boolean isRunning() {
        return node.isAlive();
    }

    @Override
    public void close() {
        rpc.close();
        stop(node);
        deleteQuietly(logFile);
    }

    private static EvmAddress deploy(EvmRpc rpc, EvmAddress deployer) {
        TransactionReceipt receipt = await(rpc,
                rpc.sendFromNodeAccount(deployer, Optional.empty(), BigInteger.ZERO, MarketArtifact.creationBytecode()));
        if (!receipt.isStatusOK() || receipt.getContractAddress() == null) {
            throw new DevChainException("deploying the market failed on the development chain (status "
                    + receipt.getStatus() + ")");
        }
        return new EvmAddress(receipt.getContractAddress());
    }

    private static TransactionReceipt await(EvmRpc rpc, String hash) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() - deadline < 0) {
            Optional<TransactionReceipt> receipt = rpc.receipt(hash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            sleep(Duration.ofMillis(50));
        }
        throw new DevChainException("the development chain did not mine " + hash + " within 30 s");
    }

    private static void awaitAnswer(Process node, EvmRpc rpc, Path log) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!node.isAlive()) {
                throw new DevChainException("Hardhat stopped while starting (exit " + node.exitValue() + "):\n" + tail(log));
            }
            try {
                rpc.chainId();
                return;
            } catch (ChainUnreachableException notYet) {
                sleep(Duration.ofMillis(200));
            }
        }
        stop(node);
        throw new DevChainException("Hardhat did not answer within " + STARTUP.toSeconds() + " s:\n" + tail(log));
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static void stop(Process node) {
        node.descendants().forEach(ProcessHandle::destroy);
        node.destroy();
        try {
            if (!node.waitFor(10, TimeUnit.SECONDS)) {
                node.descendants().forEach(ProcessHandle::destroyForcibly);
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            node.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover log in the temp folder is harmless.
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevChainException("interrupted while waiting for the development chain", e);
        }
    }
}
