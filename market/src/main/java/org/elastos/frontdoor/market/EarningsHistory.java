package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one account earned, per asset and per day (UTC), rebuilt from the market's events alone: share transfers
 * give every holder's shares at each purchase, and each purchase event carries the credit per share and the
 * remainder that went to the seller. Logs are fetched a bounded range of blocks at a time, as public nodes demand.
 * Nothing here is a ledger of our own: the same events always give the same history.
 */
public final class EarningsHistory {
    /** One asset's earnings on one day. */
    public record Entry(ContentId contentId, LocalDate day, BigInteger amount) {
    }

    /**
     * One purchase of an asset the account sold or held shares of, and what it credited the account.
     *
     * @param credit the account's part: its shares times the credit per share, and the remainder if it is the seller
     */
    public record Sale(ContentId contentId, Instant time, BigInteger block, EvmAddress buyer, EvmAddress seller,
                       BigInteger price, BigInteger credit) {
    }

    private static final String PURCHASED = MarketAbi.topic(MarketAbi.PURCHASED);
    private static final String TRANSFER_SINGLE = MarketAbi.topic(MarketAbi.TRANSFER_SINGLE);
    private static final String TRANSFER_BATCH = MarketAbi.topic(MarketAbi.TRANSFER_BATCH);
    /** The topics of the events an earnings history is made of. */
    static final String[] TOPICS = {PURCHASED, TRANSFER_SINGLE, TRANSFER_BATCH};
    private static final EvmAddress NOBODY = new EvmAddress("0x0000000000000000000000000000000000000000");

    private final List<Entry> entries;
    private final List<Sale> sales;
    private final Map<ContentId, Integer> purchases;
    private final Map<ContentId, Map<EvmAddress, BigInteger>> holders;

    private EarningsHistory(List<Entry> entries, List<Sale> sales, Map<ContentId, Integer> purchases,
                            Map<ContentId, Map<EvmAddress, BigInteger>> holders) {
        this.entries = List.copyOf(entries);
        this.sales = List.copyOf(sales);
        this.purchases = Map.copyOf(purchases);
        this.holders = holders;
    }

    /** Entries ordered by day, then content id. */
    public List<Entry> entries() {
        return entries;
    }

    /** The account's sales, oldest first. */
    public List<Sale> sales() {
        return sales;
    }

    public BigInteger total() {
        return entries.stream().map(Entry::amount).reduce(BigInteger.ZERO, BigInteger::add);
    }

    public Map<ContentId, BigInteger> byAsset() {
        Map<ContentId, BigInteger> totals = new HashMap<>();
        entries.forEach(entry -> totals.merge(entry.contentId(), entry.amount(), BigInteger::add));
        return totals;
    }

    /** How many times the asset was bought, by anyone. */
    public int timesSold(ContentId contentId) {
        return purchases.getOrDefault(contentId, 0);
    }

    /** Who holds the asset's royalty shares now, by the events replayed: every holder with at least one. */
    public Map<EvmAddress, RoyaltyShares> holders(ContentId contentId) {
        Map<EvmAddress, RoyaltyShares> now = new TreeMap<>(Comparator.comparing(EvmAddress::value));
        holders.getOrDefault(contentId, Map.of()).forEach((holder, units) -> {
            if (units.signum() > 0) {
                now.put(holder, new RoyaltyShares(units.longValueExact()));
            }
        });
        return now;
    }

    /**
     * How the next sale at {@code price} would be split, as the contract splits it: each holder's shares times the
     * price's thousandth, and what does not divide to {@code seller}. The parts add up to the price, to the wei.
     */
    public Map<EvmAddress, BigInteger> splitOfNextSale(ContentId contentId, BigInteger price, EvmAddress seller) {
        return split(holders(contentId), price, seller);
    }

    /** How a sale at {@code price} splits among {@code holders}, the contract's way (see {@link #splitOfNextSale}). */
    public static Map<EvmAddress, BigInteger> split(Map<EvmAddress, RoyaltyShares> holders, BigInteger price, EvmAddress seller) {
        BigInteger[] perShareAndRest = price.divideAndRemainder(BigInteger.valueOf(RoyaltyShares.PER_ASSET));
        Map<EvmAddress, BigInteger> split = new TreeMap<>(Comparator.comparing(EvmAddress::value));
        holders.forEach((holder, shares) -> split.put(holder, perShareAndRest[0].multiply(BigInteger.valueOf(shares.units()))));
        split.merge(seller, perShareAndRest[1], BigInteger::add);
        return split;
    }

    /** The account's earnings on each day from {@code from} to {@code to}, both included, days without any as zero. */
    public Map<LocalDate, BigInteger> perDay(LocalDate from, LocalDate to, java.util.Optional<ContentId> only) {
        Map<LocalDate, BigInteger> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, BigInteger.ZERO);
        }
        for (Entry entry : entries) {
            if (days.containsKey(entry.day()) && only.map(entry.contentId()::equals).orElse(true)) {
                days.merge(entry.day(), entry.amount(), BigInteger::add);
            }
        }
        return days;
    }

    /**
     * The sales as CSV (RFC 4180, a header line, CRLF): time (UTC, ISO 8601), content id, item (as {@code names} calls
     * it), buyer, price and credit in {@code coin}, exactly.
     */
    public String csv(java.util.function.Function<ContentId, String> names, Coin coin) {
        StringBuilder out = new StringBuilder("time,content_id,item,buyer,price,credit\r\n");
        for (Sale sale : sales) {
            out.append(sale.time()).append(',').append(sale.contentId().hex()).append(',').append(quoted(names.apply(sale.contentId())))
                    .append(',').append(sale.buyer().value()).append(',').append(exact(sale.price(), coin)).append(',')
                    .append(exact(sale.credit(), coin)).append("\r\n");
        }
        return out.toString();
    }

    private static String exact(BigInteger amount, Coin coin) {
        return new java.math.BigDecimal(amount, coin.decimals()).stripTrailingZeros().toPlainString();
    }

    /** A field as RFC 4180 has it, and never read as a formula by a spreadsheet. */
    private static String quoted(String field) {
        String safe = !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    static EarningsHistory fetch(EvmRpc rpc, EvmAddress market, EvmAddress holder, BigInteger fromBlock, int blocksPerQuery) {
        return replay(holder, rpc.logsSince(market, fromBlock, blocksPerQuery, TOPICS), new HashMap<>(),
                block -> Instant.ofEpochSecond(rpc.blockTimestamp(block)));
    }

    /**
     * Replays {@code logs} (oldest first) for {@code holder}; a sale's time is its block's, from {@code times} or else
     * asked of {@code blockTime} and kept there.
     */
    static EarningsHistory replay(EvmAddress holder, List<Log> logs, Map<BigInteger, Instant> times,
                                  java.util.function.Function<BigInteger, Instant> blockTime) {
        Map<ContentId, Map<EvmAddress, BigInteger>> holdings = new HashMap<>();
        Map<ContentId, Map<LocalDate, BigInteger>> earned = new HashMap<>();
        Map<ContentId, Integer> purchases = new HashMap<>();
        List<Sale> sales = new ArrayList<>();
        for (Log log : logs) {
            String topic = log.getTopics().get(0);
            if (topic.equals(PURCHASED)) {
                ContentId contentId = ContentId.of(Numeric.hexStringToByteArray(log.getTopics().get(1).substring(2, 34)));
                EvmAddress buyer = topicAddress(log.getTopics().get(2));
                EvmAddress seller = topicAddress(log.getTopics().get(3));
                List<Type> data = MarketAbi.decodeData(log.getData(), MarketAbi.PURCHASED);
                BigInteger price = ((Uint256) data.get(0)).getValue();
                BigInteger perShare = ((Uint256) data.get(1)).getValue();
                BigInteger remainder = ((Uint256) data.get(2)).getValue();
                purchases.merge(contentId, 1, Integer::sum);
                BigInteger shares = holdings.getOrDefault(contentId, Map.of()).getOrDefault(holder, BigInteger.ZERO);
                BigInteger amount = shares.multiply(perShare).add(seller.equals(holder) ? remainder : BigInteger.ZERO);
                if (amount.signum() > 0 || seller.equals(holder)) {
                    Instant time = times.computeIfAbsent(log.getBlockNumber(), blockTime);
                    sales.add(new Sale(contentId, time, log.getBlockNumber(), buyer, seller, price, amount));
                    if (amount.signum() > 0) {
                        earned.computeIfAbsent(contentId, id -> new TreeMap<>())
                                .merge(LocalDate.ofInstant(time, ZoneOffset.UTC), amount, BigInteger::add);
                    }
                }
            } else {
                applyTransfer(log, topic.equals(TRANSFER_BATCH), holdings);
            }
        }
        List<Entry> entries = new ArrayList<>();
        earned.forEach((contentId, perDay) -> perDay.forEach((day, amount) -> entries.add(new Entry(contentId, day, amount))));
        entries.sort(Comparator.comparing(Entry::day).thenComparing(entry -> entry.contentId().hex()));
        return new EarningsHistory(entries, sales, purchases, holdings);
    }

    @SuppressWarnings("unchecked")
    private static void applyTransfer(Log log, boolean batch, Map<ContentId, Map<EvmAddress, BigInteger>> holdings) {
        EvmAddress from = topicAddress(log.getTopics().get(2));
        EvmAddress to = topicAddress(log.getTopics().get(3));
        List<Type> data = MarketAbi.decodeData(log.getData(), batch ? MarketAbi.TRANSFER_BATCH : MarketAbi.TRANSFER_SINGLE);
        List<Uint256> ids = batch ? ((DynamicArray<Uint256>) data.get(0)).getValue() : List.of((Uint256) data.get(0));
        List<Uint256> values = batch ? ((DynamicArray<Uint256>) data.get(1)).getValue() : List.of((Uint256) data.get(1));
        for (int i = 0; i < ids.size(); i++) {
            BigInteger value = values.get(i).getValue();
            MarketAbi.contentIdOfShareToken(ids.get(i).getValue()).ifPresent(contentId -> {
                Map<EvmAddress, BigInteger> shares = holdings.computeIfAbsent(contentId, id -> new HashMap<>());
                if (!from.equals(NOBODY)) {
                    shares.merge(from, value.negate(), BigInteger::add);
                }
                if (!to.equals(NOBODY)) {
                    shares.merge(to, value, BigInteger::add);
                }
            });
        }
    }

    private static EvmAddress topicAddress(String topic) {
        return new EvmAddress(new Address(Numeric.toBigInt(topic)).getValue());
    }
}
