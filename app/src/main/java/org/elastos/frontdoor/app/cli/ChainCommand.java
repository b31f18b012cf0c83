package org.elastos.frontdoor.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.app.DataFolder;
import org.elastos.frontdoor.market.ChainChoice;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.DevChain;
import org.elastos.frontdoor.market.HardhatProject;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "chain", description = "Chains: start the local development chain.", subcommands = ChainCommand.Dev.class)
final class ChainCommand {
    /** Where `chain dev` tells `market --chain dev` its URL and market address. */
    static final String DEV_CHAIN_FILE = ChainChoice.DEV_CHAIN_FILE;

    @Command(name = "dev", description = {
            "Start a local Hardhat chain on 127.0.0.1 with the market deployed and test accounts funded.",
            "Prints one line of JSON (rpc_url, chain_id, market, accounts), writes it to DATA/" + DEV_CHAIN_FILE
                    + " for `market --chain dev`, and runs until interrupted."})
    static final class Dev implements Callable<Integer> {
        @Option(names = "--fund", paramLabel = "NAME=ADDRESS", description = "an account to fund (repeatable)")
        Map<String, String> fund = new LinkedHashMap<>();

        @Option(names = "--vault", paramLabel = "DIR", description = "fund this vault's account, named after its folder (repeatable)")
        List<Path> vaults = List.of();

        @Option(names = "--amount", paramLabel = "COINS", defaultValue = "100", description = "coins for each account (default ${DEFAULT-VALUE})")
        String amount;

        @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: this user's)")
        Path data;

        @Option(names = "--block-time", paramLabel = "SECONDS", defaultValue = "2",
                description = "mine a block this often, besides one per transaction (default ${DEFAULT-VALUE}; 0: only on transactions)")
        int blockTime;

        @Override
        public Integer call() throws Exception {
            Map<String, EvmAddress> accounts = new LinkedHashMap<>();
            fund.forEach((name, address) -> accounts.put(name, new EvmAddress(address)));
            for (Path vault : vaults) {
                accounts.put(vault.toAbsolutePath().normalize().getFileName().toString(), Vault.at(vault).identity().evmAddress());
            }
            Path dataFolder = data != null ? data : DataFolder.forThisUser();
            Path info = dataFolder.resolve(DEV_CHAIN_FILE);
            CountDownLatch stopped = new CountDownLatch(1);
            if (blockTime < 0) {
                throw new CliException("--block-time cannot be negative");
            }
            try (DevChain chain = DevChain.start(HardhatProject.locate(), accounts, Coin.ELA.parse(amount))) {
                if (blockTime > 0) {
                    chain.mineEvery(Duration.ofSeconds(blockTime));
                }
                ObjectNode line = Json.MAPPER.createObjectNode();
                line.put("rpc_url", chain.rpcUrl().toString());
                line.put("chain_id", chain.profile().chainId());
                line.put("market", chain.market().value());
                ObjectNode funded = line.putObject("accounts");
                accounts.forEach((name, address) -> funded.put(name, address.value()));
                String json = Json.MAPPER.writeValueAsString(line);
                Files.createDirectories(dataFolder);
                AtomicFile.write(info, (json + "\n").getBytes(StandardCharsets.UTF_8));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    deleteIfOurs(info, json);
                    chain.close();
                    stopped.countDown();
                }, "dev-chain-stop"));
                System.out.println(json);
                System.out.flush();
                System.err.println("development chain running; Ctrl+C stops it");
                stopped.await();
            }
            return 0;
        }

        /** Another `chain dev` may have started since; its file is left alone. */
        private static void deleteIfOurs(Path info, String json) {
            try {
                if (Files.readString(info, StandardCharsets.UTF_8).strip().equals(json)) {
                    Files.delete(info);
                }
            } catch (IOException ignored) {
                // Already gone, or unreadable: either way there is nothing of ours to remove.
            }
        }
    }
}
