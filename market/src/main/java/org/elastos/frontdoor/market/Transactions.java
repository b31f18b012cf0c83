package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends calls as one account: estimates gas (a call that would revert is refused here, before anything is signed),
 * fixes the fee so it can be shown first, signs through the wallet's {@link Signer} (the key never comes here),
 * keeps nonces in order across quick successive sends, and waits for the receipt.
 */
public final class Transactions {
    /** Head room over the node's estimate: state can change between estimate and inclusion. */
    private static final BigInteger GAS_MARGIN_PERCENT = BigInteger.valueOf(120);

    private final EvmRpc rpc;
    private final Signer signer;
    private final Duration receiptTimeout;
    private final Duration pollInterval;
    private BigInteger nextNonce = BigInteger.ZERO;

    public Transactions(EvmRpc rpc, Signer signer) {
        this(rpc, signer, Duration.ofMinutes(2), Duration.ofMillis(250));
    }

    public Transactions(EvmRpc rpc, Signer signer, Duration receiptTimeout, Duration pollInterval) {
        this.rpc = rpc;
        this.signer = signer;
        this.receiptTimeout = receiptTimeout;
        this.pollInterval = pollInterval;
    }

    public EvmAddress account() {
        return signer.evmAddress();
    }

    /**
     * @throws RefusedByChainException when the call would revert now (wrong price, not the seller, ...), or the
     *     account cannot pay for it
     */
    public PreparedTransaction prepare(ContractCall call) {
        EvmAddress from = signer.evmAddress();
        BigInteger estimate = rpc.estimateGas(from, call.to(), call.value(), call.data());
        BigInteger gasLimit = estimate.multiply(GAS_MARGIN_PERCENT).divide(BigInteger.valueOf(100));
        Optional<BigInteger> baseFee = rpc.baseFee();
        PreparedTransaction prepared;
        if (baseFee.isPresent()) {
            BigInteger tip = rpc.maxPriorityFee();
            BigInteger maxFee = baseFee.get().shiftLeft(1).add(tip);
            prepared = new PreparedTransaction(call, from, rpc.chain().chainId(), gasLimit, maxFee, Optional.of(tip));
        } else {
            prepared = new PreparedTransaction(call, from, rpc.chain().chainId(), gasLimit, rpc.gasPrice(),
                    Optional.empty());
        }
        BigInteger balance = rpc.balance(from);
        if (balance.compareTo(prepared.maxTotal()) < 0) {
            throw new RefusedByChainException(new Refusal.InsufficientFunds(from + " holds "
                    + rpc.chain().coin().format(balance) + ", this needs up to " + rpc.chain().coin().format(prepared.maxTotal())),
                    rpc.chain().coin());
        }
        return prepared;
    }

    /**
     * Signs, sends and waits for the transaction to be mined.
     *
     * @throws RefusedByChainException when it was mined but reverted, with the reason
     * @throws ReceiptTimeoutException when it was not mined in time
     */
    public SentTransaction send(PreparedTransaction prepared) {
        if (!prepared.from().equals(signer.evmAddress())) {
            throw new IllegalArgumentException("prepared for " + prepared.from() + ", but this signs as " + signer.evmAddress());
        }
        if (prepared.chainId() != rpc.chain().chainId()) {
            throw new IllegalArgumentException("prepared for chain " + prepared.chainId() + ", not " + rpc.chain().chainId());
        }
        String hash = sign(prepared);
        TransactionReceipt receipt = awaitReceipt(hash);
        BigInteger feePaid = receipt.getGasUsed().multiply(effectiveGasPrice(receipt, prepared));
        if (!receipt.isStatusOK()) {
            throw new RefusedByChainException(revertReason(prepared, receipt.getBlockNumber()), rpc.chain().coin());
        }
        return new SentTransaction(hash, receipt.getBlockNumber(), receipt.getGasUsed(), feePaid);
    }

    /** Prepares and sends in one step, for callers that have already shown the fee or do not need to. */
    public SentTransaction submit(ContractCall call) {
        return send(prepare(call));
    }

    /**
     * Chooses the nonce and sends under one lock: the node's pending count, or one past the last nonce this account
     * sent from here when the node has not seen that one yet, so quick successive sends never collide.
     */
    private synchronized String sign(PreparedTransaction prepared) {
        ContractCall call = prepared.call();
        BigInteger nonce = rpc.pendingNonce(prepared.from()).max(nextNonce);
        RawTransaction raw = prepared.maxPriorityFeePerGas()
                .map(tip -> RawTransaction.createTransaction(prepared.chainId(), nonce, prepared.gasLimit(),
                        call.to().value(), call.value(), call.data(), tip, prepared.maxFeePerGas()))
                .orElseGet(() -> RawTransaction.createTransaction(nonce, prepared.maxFeePerGas(),
                        prepared.gasLimit(), call.to().value(), call.value(), call.data()));
        String hash = rpc.sendRawTransaction(signer.signTransaction(raw, prepared.chainId()));
        nextNonce = nonce.add(BigInteger.ONE);
        return hash;
    }

    private TransactionReceipt awaitReceipt(String hash) {
        long deadline = System.nanoTime() + receiptTimeout.toNanos();
        while (true) {
            Optional<TransactionReceipt> receipt = rpc.receipt(hash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ReceiptTimeoutException(hash, receiptTimeout);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReceiptTimeoutException(hash, receiptTimeout);
            }
        }
    }

    private static BigInteger effectiveGasPrice(TransactionReceipt receipt, PreparedTransaction prepared) {
        String price = receipt.getEffectiveGasPrice();
        return price == null ? prepared.maxFeePerGas() : Numeric.decodeQuantity(price);
    }

    /** Replays the call on the state it ran against, to learn why it reverted. */
    private Refusal revertReason(PreparedTransaction prepared, BigInteger block) {
        try {
            ContractCall call = prepared.call();
            rpc.simulate(prepared.from(), call.to(), call.value(), call.data(), block.subtract(BigInteger.ONE));
            return new Refusal.Reason("the transaction reverted (it ran out of gas or the state changed before it was mined)");
        } catch (RefusedByChainException refused) {
            return refused.refusal();
        }
    }
}
