package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Store's shelf and the Library, found from a real Hardhat node's events and read as the chain holds them. */
class ShelfTest {
    private static final BigInteger COIN = BigInteger.TEN.pow(18);
    private static final ContentId FIRST = ContentId.parse("0x11111111111111111111111111111111");
    private static final ContentId PAUSED = ContentId.parse("0x22222222222222222222222222222222");
    private static final ContentId NEWEST = ContentId.parse("0x33333333333333333333333333333333");

    @TempDir
    static Path folder;
    private static DevChain chain;
    private static Signer seller;
    private static Signer buyer;
    private static Market market;
    private static BigInteger start;

    @BeforeAll
    static void listThree() {
        seller = TestAccounts.signer(folder.resolve("seller"), TestAccounts.SELLER);
        buyer = TestAccounts.signer(folder.resolve("buyer"), TestAccounts.BUYER);
        chain = DevChain.start(HardhatProject.locate(),
                Map.of("seller", seller.evmAddress(), "buyer", buyer.evmAddress()), COIN.multiply(BigInteger.TEN));
        market = Market.on(chain.rpc());
        start = chain.rpc().blockNumber();
        Transactions sales = new Transactions(chain.rpc(), seller);
        sales.submit(market.list(FIRST, Coin.ELA.parse("1"), "elastos://box/store/" + FIRST.hex()));
        sales.submit(market.list(PAUSED, Coin.ELA.parse("2"), "elastos://box/store/" + PAUSED.hex()));
        sales.submit(market.setForSale(PAUSED, false));
        sales.submit(market.list(NEWEST, Coin.ELA.parse("3"), "elastos://box/store/" + NEWEST.hex()));
        sales.submit(market.setPrice(FIRST, Coin.ELA.parse("1.5")));
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    private static List<ContentId> ids(List<Listing> listings) {
        return listings.stream().map(Listing::contentId).toList();
    }

    @Test
    void theShelfHoldsEveryListingNewestFirstAsTheChainHoldsItNow() {
        Shelf shelf = market.shelf(start, 1000);
        assertEquals(List.of(NEWEST, PAUSED, FIRST), ids(shelf.listings()));
        assertEquals(List.of(NEWEST, FIRST), ids(shelf.forSale()), "a paused machine is on the shelf but not for sale");
        assertEquals(Coin.ELA.parse("1.5"), shelf.listings().get(2).price(), "the price as it is now, not as listed");
        assertEquals(seller.evmAddress(), shelf.listings().get(0).seller());
        assertEquals("elastos://box/store/" + NEWEST.hex(), shelf.listings().get(0).metadataUri());
    }

    @Test
    void fetchingOneBlockAtATimeFindsTheSameShelf() {
        assertEquals(ids(market.shelf(start, 1000).listings()), ids(market.shelf(start, 1).listings()));
        assertEquals(List.of(), market.shelf(chain.rpc().blockNumber().add(BigInteger.ONE), 10).listings(),
                "nothing is listed after the newest block");
        assertThrows(IllegalArgumentException.class, () -> market.shelf(start, 0));
    }

    @Test
    void theLibraryHoldsWhatTheAccountMayWatchOnceThePurchaseIsConfirmed() {
        Shelf before = market.shelf(start, 1000);
        assertEquals(List.of(), before.ownedBy(market.rightsOracle(), buyer.evmAddress()));

        new Transactions(chain.rpc(), buyer).submit(Checkout.purchase(market, NEWEST));
        Shelf after = market.shelf(start, 1000);
        assertEquals(List.of(), after.ownedBy(market.rightsOracle(), buyer.evmAddress()), "mined is not yet counted");
        chain.mine(chain.profile().confirmations());
        assertEquals(List.of(NEWEST), ids(after.ownedBy(market.rightsOracle(), buyer.evmAddress())));
        assertEquals(List.of(), after.ownedBy(market.rightsOracle(), seller.evmAddress()),
                "selling a film gives no right to it");
    }
}
