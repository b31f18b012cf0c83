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
 * give the account's holding at each purchase, and each purchase event carries the credit per share and the
 * remainder that went to the seller. Logs are fetched a bounded range of blocks at a time, as public nodes demand.
 */
public final class EarningsHistory {
    /** One asset's earnings on one day. */
    public record Entry(ContentId contentId, LocalDate day, BigInteger amount) {
    }

    private static final String PURCHASED = MarketAbi.topic(MarketAbi.PURCHASED);
    private static final String TRANSFER_SINGLE = MarketAbi.topic(MarketAbi.TRANSFER_SINGLE);
    private static final String TRANSFER_BATCH = MarketAbi.topic(MarketAbi.TRANSFER_BATCH);

    private final List<Entry> entries;

    private EarningsHistory(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Entries ordered by day, then content id. */
    public List<Entry> entries() {
        return entries;
    }

    public BigInteger total() {
        return entries.stream().map(Entry::amount).reduce(BigInteger.ZERO, BigInteger::add);
    }

    public Map<ContentId, BigInteger> byAsset() {
        Map<ContentId, BigInteger> totals = new HashMap<>();
        entries.forEach(entry -> totals.merge(entry.contentId(), entry.amount(), BigInteger::add));
        return totals;
    }

    static EarningsHistory fetch(EvmRpc rpc, EvmAddress market, EvmAddress holder, BigInteger fromBlock, int blocksPerQuery) {
        return replay(rpc, holder, rpc.logsSince(market, fromBlock, blocksPerQuery, PURCHASED, TRANSFER_SINGLE, TRANSFER_BATCH));
    }

    private static EarningsHistory replay(EvmRpc rpc, EvmAddress holder, List<Log> logs) {
        Map<ContentId, BigInteger> holding = new HashMap<>();
        Map<BigInteger, LocalDate> days = new HashMap<>();
        Map<ContentId, Map<LocalDate, BigInteger>> earned = new HashMap<>();
        for (Log log : logs) {
            String topic = log.getTopics().get(0);
            if (topic.equals(PURCHASED)) {
                ContentId contentId = ContentId.of(Numeric.hexStringToByteArray(log.getTopics().get(1).substring(2, 34)));
                EvmAddress seller = topicAddress(log.getTopics().get(3));
                List<Type> data = MarketAbi.decodeData(log.getData(), MarketAbi.PURCHASED);
                BigInteger perShare = ((Uint256) data.get(1)).getValue();
                BigInteger remainder = ((Uint256) data.get(2)).getValue();
                BigInteger amount = holding.getOrDefault(contentId, BigInteger.ZERO).multiply(perShare)
                        .add(seller.equals(holder) ? remainder : BigInteger.ZERO);
                if (amount.signum() > 0) {
                    LocalDate day = days.computeIfAbsent(log.getBlockNumber(), block ->
                            LocalDate.ofInstant(Instant.ofEpochSecond(rpc.blockTimestamp(block)), ZoneOffset.UTC));
                    earned.computeIfAbsent(contentId, id -> new TreeMap<>()).merge(day, amount, BigInteger::add);
                }
            } else {
                applyTransfer(log, topic.equals(TRANSFER_BATCH), holder, holding);
            }
        }
        List<Entry> entries = new ArrayList<>();
        earned.forEach((contentId, perDay) -> perDay.forEach((day, amount) -> entries.add(new Entry(contentId, day, amount))));
        entries.sort(Comparator.comparing(Entry::day).thenComparing(entry -> entry.contentId().hex()));
        return new EarningsHistory(entries);
    }

    @SuppressWarnings("unchecked")
    private static void applyTransfer(Log log, boolean batch, EvmAddress holder, Map<ContentId, BigInteger> holding) {
        EvmAddress from = topicAddress(log.getTopics().get(2));
        EvmAddress to = topicAddress(log.getTopics().get(3));
        if (!from.equals(holder) && !to.equals(holder)) {
            return;
        }
        List<Type> data = MarketAbi.decodeData(log.getData(), batch ? MarketAbi.TRANSFER_BATCH : MarketAbi.TRANSFER_SINGLE);
        List<Uint256> ids = batch ? ((DynamicArray<Uint256>) data.get(0)).getValue() : List.of((Uint256) data.get(0));
        List<Uint256> values = batch ? ((DynamicArray<Uint256>) data.get(1)).getValue() : List.of((Uint256) data.get(1));
        for (int i = 0; i < ids.size(); i++) {
            BigInteger value = values.get(i).getValue();
            MarketAbi.contentIdOfShareToken(ids.get(i).getValue()).ifPresent(contentId -> {
                if (from.equals(holder)) {
                    holding.merge(contentId, value.negate(), BigInteger::add);
                }
                if (to.equals(holder)) {
                    holding.merge(contentId, value, BigInteger::add);
                }
            });
        }
    }

    private static EvmAddress topicAddress(String topic) {
        return new EvmAddress(new Address(Numeric.toBigInt(topic)).getValue());
    }
}
