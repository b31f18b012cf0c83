package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers answers for the confirmed block they were read at. An answer cannot change until a new block is
 * confirmed, so the cache only has to learn the block number, and it asks for that at most once per
 * {@code blockRefresh} (keep it under the chain's block time). Denials are cached like grants: both are facts of
 * that block.
 */
public final class PerBlockRightsCache implements RightsOracle {
    private record Question(EvmAddress holder, ContentId contentId) {
    }

    private final ChainRightsOracle chain;
    private final long refreshNanos;
    private final LongSupplier clock;
    private final Map<Question, Boolean> answers = new ConcurrentHashMap<>();
    private BigInteger block = BigInteger.ONE.negate();
    private long blockReadAt;

    public PerBlockRightsCache(ChainRightsOracle chain, Duration blockRefresh) {
        this(chain, blockRefresh, System::nanoTime);
    }

    PerBlockRightsCache(ChainRightsOracle chain, Duration blockRefresh, LongSupplier clock) {
        this.chain = chain;
        this.refreshNanos = blockRefresh.toNanos();
        this.clock = clock;
    }

    @Override
    public boolean hasAccess(EvmAddress holder, ContentId contentId) {
        BigInteger confirmed = currentBlock();
        Question question = new Question(holder, contentId);
        Boolean known = answers.get(question);
        if (known != null) {
            return known;
        }
        boolean answer = chain.hasAccessAt(holder, contentId, confirmed);
        synchronized (this) {
            if (confirmed.equals(block)) {
                answers.put(question, answer);
            }
        }
        return answer;
    }

    private synchronized BigInteger currentBlock() {
        long now = clock.getAsLong();
        if (block.signum() < 0 || now - blockReadAt >= refreshNanos) {
            BigInteger confirmed = chain.confirmedBlock();
            blockReadAt = now;
            if (!confirmed.equals(block)) {
                answers.clear();
                block = confirmed;
            }
        }
        return block;
    }
}
