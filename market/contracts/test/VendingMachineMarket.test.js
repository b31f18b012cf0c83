const { expect } = require("chai");
const { ethers } = require("hardhat");

const FILM = "0x0123456789abcdef0123456789abcdef";
const SONG = "0xfedcba9876543210fedcba9876543210";
const SHARES = 1000n;

function reentrancyRefusal(market) {
  return market.interface.getError("ReentrancyGuardReentrantCall").selector;
}

async function deploy() {
  const [deployer, seller, buyer, partner, stranger] = await ethers.getSigners();
  const market = await ethers.deployContract("VendingMachineMarket", deployer);
  return { market, deployer, seller, buyer, partner, stranger };
}

async function withListedFilm(price = 1_000_003n) {
  const world = await deploy();
  await world.market.connect(world.seller).list(FILM, price, "ipfs://film");
  return { ...world, price };
}

describe("VendingMachineMarket", function () {
  describe("listing", function () {
    it("makes the lister the seller and gives them all 1000 shares", async function () {
      const { market, seller, price } = await withListedFilm();
      const [listedBy, forSale, listedPrice, uri] = await market.asset(FILM);
      expect(listedBy).to.equal(seller.address);
      expect(forSale).to.equal(true);
      expect(listedPrice).to.equal(price);
      expect(uri).to.equal("ipfs://film");
      expect(await market.sharesOf(seller.address, FILM)).to.equal(SHARES);
      expect(await market.uri(await market.shareTokenId(FILM))).to.equal("ipfs://film");
    });

    it("emits Listed indexed by content id and seller", async function () {
      const { market, seller } = await deploy();
      await expect(market.connect(seller).list(FILM, 7n, "ipfs://film"))
        .to.emit(market, "Listed").withArgs(FILM, seller.address, 7n, "ipfs://film");
      const logs = await market.queryFilter(market.filters.Listed(null, seller.address));
      expect(logs).to.have.length(1);
    });

    it("refuses to list the same content id twice, even by someone else", async function () {
      const { market, stranger } = await withListedFilm();
      await expect(market.connect(stranger).list(FILM, 5n, "ipfs://copy"))
        .to.be.revertedWithCustomError(market, "AlreadyListed").withArgs(FILM);
    });

    it("refuses an empty content id and a zero price", async function () {
      const { market, seller } = await deploy();
      await expect(market.connect(seller).list("0x" + "00".repeat(16), 5n, ""))
        .to.be.revertedWithCustomError(market, "EmptyContentId");
      await expect(market.connect(seller).list(FILM, 0n, ""))
        .to.be.revertedWithCustomError(market, "ZeroPrice");
    });
  });

  describe("the seller's controls", function () {
    it("lets the seller toggle for-sale and change the price, with events", async function () {
      const { market, seller, price } = await withListedFilm();
      await expect(market.connect(seller).setForSale(FILM, false))
        .to.emit(market, "ForSaleChanged").withArgs(FILM, seller.address, false);
      await expect(market.connect(seller).setPrice(FILM, 11n))
        .to.emit(market, "PriceChanged").withArgs(FILM, seller.address, price, 11n);
      const [, forSale, newPrice] = await market.asset(FILM);
      expect(forSale).to.equal(false);
      expect(newPrice).to.equal(11n);
    });

    it("refuses the toggle and the price change from anyone but the seller", async function () {
      const { market, seller, stranger } = await withListedFilm();
      await expect(market.connect(stranger).setForSale(FILM, false))
        .to.be.revertedWithCustomError(market, "NotSeller").withArgs(FILM, stranger.address, seller.address);
      await expect(market.connect(stranger).setPrice(FILM, 1n))
        .to.be.revertedWithCustomError(market, "NotSeller");
    });

    it("refuses controls on an unlisted asset", async function () {
      const { market, seller } = await deploy();
      await expect(market.connect(seller).setForSale(SONG, true))
        .to.be.revertedWithCustomError(market, "NotListed").withArgs(SONG);
    });
  });

  describe("buying access", function () {
    it("mints one access token for exactly the price and answers hasAccessByContentId", async function () {
      const { market, seller, buyer, price } = await withListedFilm();
      expect(await market.hasAccessByContentId(buyer.address, FILM)).to.equal(false);
      await expect(market.connect(buyer).buyAccess(FILM, { value: price }))
        .to.emit(market, "Purchased").withArgs(FILM, buyer.address, seller.address, price, price / SHARES, price % SHARES);
      expect(await market.balanceOf(buyer.address, await market.accessTokenId(FILM))).to.equal(1n);
      expect(await market.hasAccessByContentId(buyer.address, FILM)).to.equal(true);
      expect(await market.hasAccessByContentId(seller.address, FILM)).to.equal(false);
    });

    it("has the selector 0x54d42821 for hasAccessByContentId, like Elacity's AuthorityGateway", async function () {
      const { market } = await deploy();
      expect(market.interface.getFunction("hasAccessByContentId").selector).to.equal("0x54d42821");
    });

    it("refuses a wrong amount, naming the price and what was sent", async function () {
      const { market, buyer, price } = await withListedFilm();
      await expect(market.connect(buyer).buyAccess(FILM, { value: price - 1n }))
        .to.be.revertedWithCustomError(market, "WrongPayment").withArgs(FILM, price, price - 1n);
      await expect(market.connect(buyer).buyAccess(FILM, { value: price + 1n }))
        .to.be.revertedWithCustomError(market, "WrongPayment").withArgs(FILM, price, price + 1n);
    });

    it("refuses an unlisted asset and a paused one", async function () {
      const { market, seller, buyer, price } = await withListedFilm();
      await expect(market.connect(buyer).buyAccess(SONG, { value: 1n }))
        .to.be.revertedWithCustomError(market, "NotListed").withArgs(SONG);
      await market.connect(seller).setForSale(FILM, false);
      await expect(market.connect(buyer).buyAccess(FILM, { value: price }))
        .to.be.revertedWithCustomError(market, "NotForSale").withArgs(FILM);
    });

    it("keeps access only while the holder holds the token", async function () {
      const { market, buyer, stranger, price } = await withListedFilm();
      await market.connect(buyer).buyAccess(FILM, { value: price });
      await market.connect(buyer).safeTransferFrom(buyer.address, stranger.address, FILM, 1n, "0x");
      expect(await market.hasAccessByContentId(buyer.address, FILM)).to.equal(false);
      expect(await market.hasAccessByContentId(stranger.address, FILM)).to.equal(true);
    });
  });

  describe("royalty shares", function () {
    it("credits a single holder the whole payment, the remainder included", async function () {
      const { market, seller, buyer, price } = await withListedFilm(999_983n);
      await market.connect(buyer).buyAccess(FILM, { value: price });
      expect(await market.withdrawable(seller.address)).to.equal(price);
    });

    it("splits a prime price exactly, the remainder to the seller, with no wei lost", async function () {
      const price = 1_000_000_007n;
      const { market, seller, buyer, partner } = await withListedFilm(price);
      await market.connect(seller).safeTransferFrom(seller.address, partner.address, await market.shareTokenId(FILM), 333n, "0x");
      await market.connect(buyer).buyAccess(FILM, { value: price });
      const perShare = price / SHARES;
      const remainder = price % SHARES;
      expect(remainder).to.equal(7n);
      expect(await market.withdrawable(partner.address)).to.equal(333n * perShare);
      expect(await market.withdrawable(seller.address)).to.equal(667n * perShare + remainder);
      expect((await market.withdrawable(partner.address)) + (await market.withdrawable(seller.address))).to.equal(price);
      expect(await ethers.provider.getBalance(await market.getAddress())).to.equal(price);
    });

    it("pays each payment to the holders of that moment, across share transfers", async function () {
      const [p1, p2, p3] = [1_000_003n, 2_000_029n, 999_983n];
      const { market, seller, buyer, partner, stranger } = await withListedFilm(p1);
      const shareId = await market.shareTokenId(FILM);

      await market.connect(buyer).buyAccess(FILM, { value: p1 });               // seller 1000
      await market.connect(seller).safeTransferFrom(seller.address, partner.address, shareId, 250n, "0x");
      await market.connect(seller).setPrice(FILM, p2);
      await market.connect(stranger).buyAccess(FILM, { value: p2 });            // seller 750, partner 250
      await market.connect(partner).safeTransferFrom(partner.address, stranger.address, shareId, 250n, "0x");
      await market.connect(seller).setPrice(FILM, p3);
      await market.connect(buyer).buyAccess(FILM, { value: p3 });               // seller 750, stranger 250

      const per = (p) => p / SHARES;
      const rem = (p) => p % SHARES;
      const sellerOwed = 1000n * per(p1) + rem(p1) + 750n * per(p2) + rem(p2) + 750n * per(p3) + rem(p3);
      const partnerOwed = 250n * per(p2);
      const strangerOwed = 250n * per(p3);
      expect(await market.withdrawable(seller.address)).to.equal(sellerOwed);
      expect(await market.withdrawable(partner.address)).to.equal(partnerOwed);
      expect(await market.withdrawable(stranger.address)).to.equal(strangerOwed);
      expect(sellerOwed + partnerOwed + strangerOwed).to.equal(p1 + p2 + p3);
    });

    it("counts shares moved in a batch transfer", async function () {
      const { market, seller, buyer, partner, price } = await withListedFilm();
      await market.connect(seller).list(SONG, 5_003n, "ipfs://song");
      const ids = [await market.shareTokenId(FILM), await market.shareTokenId(SONG)];
      await market.connect(seller).safeBatchTransferFrom(seller.address, partner.address, ids, [100n, 1000n], "0x");
      await market.connect(buyer).buyAccess(FILM, { value: price });
      await market.connect(buyer).buyAccess(SONG, { value: 5_003n });
      expect(await market.withdrawable(partner.address)).to.equal(100n * (price / SHARES) + 1000n * 5n);
      expect(await market.withdrawable(seller.address)).to.equal(900n * (price / SHARES) + price % SHARES + 3n);
    });
  });

  describe("withdrawal", function () {
    it("pays out exactly what was credited, once, with an event", async function () {
      const { market, seller, buyer, price } = await withListedFilm();
      await market.connect(buyer).buyAccess(FILM, { value: price });
      const withdrawal = market.connect(seller).withdraw();
      await expect(withdrawal).to.emit(market, "Withdrawn").withArgs(seller.address, price);
      await expect(withdrawal).to.changeEtherBalances([seller, market], [price, -price]);
      expect(await market.withdrawable(seller.address)).to.equal(0n);
      await expect(market.connect(seller).withdraw())
        .to.be.revertedWithCustomError(market, "NothingToWithdraw").withArgs(seller.address);
    });

    it("keeps a former holder's credit after they transfer every share away", async function () {
      const { market, seller, buyer, partner, price } = await withListedFilm();
      await market.connect(buyer).buyAccess(FILM, { value: price });
      await market.connect(seller).safeTransferFrom(seller.address, partner.address, await market.shareTokenId(FILM), 1000n, "0x");
      await expect(market.connect(seller).withdraw()).to.changeEtherBalance(seller, price);
      await expect(market.connect(partner).withdraw())
        .to.be.revertedWithCustomError(market, "NothingToWithdraw");
    });

    it("gives nobody, the deployer included, a way to move someone else's earnings", async function () {
      const { market, deployer, seller, buyer, stranger, price } = await withListedFilm();
      await market.connect(buyer).buyAccess(FILM, { value: price });
      for (const caller of [deployer, stranger, buyer]) {
        await expect(market.connect(caller).withdraw()).to.be.revertedWithCustomError(market, "NothingToWithdraw");
      }
      expect(await market.withdrawable(seller.address)).to.equal(price);
      const mutating = market.interface.fragments
        .filter((f) => f.type === "function" && !["view", "pure"].includes(f.stateMutability))
        .map((f) => f.name).sort();
      expect(mutating).to.deep.equal([
        "buyAccess", "list", "safeBatchTransferFrom", "safeTransferFrom", "setApprovalForAll", "setForSale",
        "setPrice", "withdraw",
      ]);
    });

    it("refuses a shareholder that re-enters withdraw while being paid", async function () {
      const { market, seller, buyer, price } = await withListedFilm();
      const attacker = await ethers.deployContract("ReentrantShareholder", [await market.getAddress()]);
      await market.connect(seller).safeTransferFrom(seller.address, await attacker.getAddress(), await market.shareTokenId(FILM), 500n, "0x");
      await market.connect(buyer).buyAccess(FILM, { value: price });
      const owed = 500n * (price / SHARES);
      const sellerOwed = price - owed;

      await attacker.attackWithdraw();
      expect(await attacker.received()).to.equal(owed);
      expect(await attacker.reentryAttempts()).to.equal(1n);
      expect(await attacker.reentriesRefused()).to.equal(1n);
      expect(await attacker.lastRefusal()).to.equal(reentrancyRefusal(market));
      expect(await ethers.provider.getBalance(await market.getAddress())).to.equal(sellerOwed);
      expect(await market.withdrawable(seller.address)).to.equal(sellerOwed);
    });

    it("refuses a buyer that re-enters buyAccess from the token callback", async function () {
      const { market, buyer, price } = await withListedFilm();
      const attacker = await ethers.deployContract("ReentrantShareholder", [await market.getAddress()]);
      await attacker.connect(buyer).attackBuy(FILM, { value: 2n * price });
      expect(await attacker.reentryAttempts()).to.equal(1n);
      expect(await attacker.reentriesRefused()).to.equal(1n);
      expect(await attacker.lastRefusal()).to.equal(reentrancyRefusal(market));
      expect(await ethers.provider.getBalance(await attacker.getAddress())).to.equal(price);
      expect(await market.balanceOf(await attacker.getAddress(), await market.accessTokenId(FILM))).to.equal(1n);
    });
  });
});
