package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The market's earnings events, kept between reads: each read asks the node only for the blocks since the last one,
 * and the time of each sale's block only once. Blocks the chain's profile does not yet count as confirmed are asked
 * for again on every read, so a reorganised tip never stays in the history. The same events give the same
 * {@link EarningsHistory} as {@link Market#earnings}, for any holder.
 */
public final class EarningsEvents {
    private final EvmRpc rpc;
    private final EvmAddress market;
    private final int blocksPerQuery;
    /** Logs of the blocks up to {@link #settledThrough}, oldest first. */
    private final List<Log> settled = new ArrayList<>();
    private final Map<BigInteger, Instant> times = new HashMap<>();
    private BigInteger settledThrough;

    public EarningsEvents(EvmRpc rpc, EvmAddress market, BigInteger fromBlock, int blocksPerQuery) {
        if (blocksPerQuery < 1) {
            throw new IllegalArgumentException("blocksPerQuery must be at least 1");
        }
        this.rpc = rpc;
        this.market = market;
        this.blocksPerQuery = blocksPerQuery;
        this.settledThrough = fromBlock.subtract(BigInteger.ONE);
    }

    /**
     * What {@code holder} earned, from the events kept and those of the blocks since.
     *
     * @throws ChainUnreachableException when the node cannot be asked; what was kept stays kept
     */
    public synchronized EarningsHistory earnings(EvmAddress holder) {
        BigInteger newest = rpc.blockNumber();
        BigInteger confirmed = newest.subtract(BigInteger.valueOf(rpc.chain().confirmations()));
        List<Log> fresh = rpc.logsBetween(market, settledThrough.add(BigInteger.ONE), newest, blocksPerQuery, EarningsHistory.TOPICS);
        List<Log> all = new ArrayList<>(settled);
        all.addAll(fresh);
        EarningsHistory history = EarningsHistory.replay(holder, all, times, block -> Instant.ofEpochSecond(rpc.blockTimestamp(block)));
        if (confirmed.compareTo(settledThrough) > 0) {
            fresh.stream().filter(log -> log.getBlockNumber().compareTo(confirmed) <= 0).forEach(settled::add);
            settledThrough = confirmed;
        }
        times.keySet().removeIf(block -> block.compareTo(settledThrough) > 0);
        return history;
    }

    /** How many events are kept (for the tests: only confirmed ones are). */
    synchronized int kept() {
        return settled.size();
    }
}
