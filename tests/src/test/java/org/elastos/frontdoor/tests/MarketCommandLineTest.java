package org.elastos.frontdoor.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `frontdoor chain dev` and `frontdoor market ...` as processes, against the Hardhat node the first one starts. */
class MarketCommandLineTest {
    private static final String SELLER = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    private static final String BUYER = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    private static final String FILM = "0x0123456789abcdef0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void listsBuysChecksSharesAndWithdrawsThroughTheCommandLine() throws Exception {
        Path seller = dir.resolve("seller");
        Path buyer = dir.resolve("buyer");
        Path data = dir.resolve("data");
        assertEquals(0, FrontDoorCli.run(SELLER + "\nseller password 1\n", "wallet", "restore", "--vault", seller.toString()).exit());
        assertEquals(0, FrontDoorCli.run(BUYER + "\nbuyer password 12\n", "wallet", "restore", "--vault", buyer.toString()).exit());

        Process chain = new ProcessBuilder(FrontDoorCli.command("chain", "dev", "--data", data.toString(),
                "--vault", seller.toString(), "--vault", buyer.toString(), "--block-time", "0"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(chain.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertNotNull(line, "chain dev printed nothing");
            JsonNode started = JSON.readTree(line);
            assertEquals(31337, started.path("chain_id").asInt());
            assertTrue(started.path("rpc_url").asText().startsWith("http://127.0.0.1:"));
            assertEquals("0x9858EfFD232B4033E47d90003D41EC34EcaEda94", started.path("accounts").path("seller").asText());
            assertEquals(line, Files.readString(data.resolve("dev-chain.json")).strip());
            String[] chainArgs = {"--data", data.toString()};

            FrontDoorCli.Run list = market("seller password 1", seller, "list", "--content-id", FILM, "--price", "2.5", "--yes");
            assertEquals(0, list.exit(), list.err());
            assertTrue(list.err().contains("fee: at most"), "the fee is shown before sending: " + list.err());

            FrontDoorCli.Run unconfirmed = market("buyer password 12", buyer, "buy", "--content-id", FILM);
            assertEquals(1, unconfirmed.exit());
            assertTrue(unconfirmed.err().contains("pass --yes"), unconfirmed.err());

            FrontDoorCli.Run wrong = market("buyer password 12", buyer, "buy", "--content-id", FILM, "--pay", "2", "--yes");
            assertEquals(1, wrong.exit());
            assertTrue(wrong.err().contains("is 2.5 devELA, you sent 2 devELA"), wrong.err());

            assertEquals(0, market("buyer password 12", buyer, "buy", "--content-id", FILM, "--yes").exit());
            FrontDoorCli.Run tooSoon = market("", buyer, "access", "--content-id", FILM);
            assertEquals(2, tooSoon.exit(), "no access before two confirmations: " + tooSoon.out());
            assertFalse(JSON.readTree(tooSoon.out()).path("has_access").asBoolean());

            FrontDoorCli.Run give = market("seller password 1", seller, "give-shares", "--content-id", FILM,
                    "--to", "0x58A57ed9d8d624cBD12e2C467D34787555bB1b25", "--shares", "25%", "--yes");
            assertEquals(0, give.exit(), give.err());
            FrontDoorCli.Run shares = FrontDoorCli.run("", "market", "shares", "--holder",
                    "0x58A57ed9d8d624cBD12e2C467D34787555bB1b25", "--content-id", FILM, chainArgs[0], chainArgs[1]);
            assertEquals("25%", JSON.readTree(shares.out()).path("percent").asText());

            Path csv = dir.resolve("sales.csv");
            FrontDoorCli.Run earnings = market("", seller, "earnings", "--csv", csv.toString());
            JsonNode earned = JSON.readTree(earnings.out());
            assertEquals(new BigInteger("2500000000000000000"), new BigInteger(earned.path("withdrawable_wei").asText()));
            assertEquals(FILM, earned.path("history").get(0).path("content_id").asText());
            assertEquals(1, earned.path("sales").asInt());
            List<String> sales = Files.readAllLines(csv);
            assertEquals("time,content_id,item,buyer,price,credit", sales.get(0));
            assertTrue(sales.get(1).matches("20\\d\\d-.*Z," + FILM + "," + FILM + ",0x[0-9a-fA-F]{40},2.5,2.5"), sales.get(1));

            FrontDoorCli.Run withdraw = market("seller password 1", seller, "withdraw", "--yes");
            assertEquals(0, withdraw.exit(), withdraw.err());
            FrontDoorCli.Run granted = market("", buyer, "access", "--content-id", FILM);
            assertEquals(0, granted.exit(), "two blocks (shares, withdrawal) were mined on top of the purchase: " + granted.out());
            FrontDoorCli.Run nothing = market("seller password 1", seller, "withdraw", "--yes");
            assertEquals(1, nothing.exit());
            assertTrue(nothing.err().contains("no earnings to withdraw"), nothing.err());
        } finally {
            chain.destroy();
            assertTrue(chain.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(data.resolve("dev-chain.json")), "a stopped chain leaves no address behind");
        FrontDoorCli.Run stopped = market("", buyer, "access", "--content-id", FILM);
        assertEquals(1, stopped.exit());
        assertTrue(stopped.err().contains("chain dev"), stopped.err());
    }

    /** {@code market SUBCOMMAND --vault VAULT --data DATA REST...}, with the password on standard input. */
    private FrontDoorCli.Run market(String password, Path vault, String subcommand, String... rest) throws Exception {
        List<String> args = new ArrayList<>(List.of("market", subcommand, "--vault", vault.toString(),
                "--data", dir.resolve("data").toString()));
        args.addAll(List.of(rest));
        return FrontDoorCli.run(password + "\n", args.toArray(String[]::new));
    }
}
