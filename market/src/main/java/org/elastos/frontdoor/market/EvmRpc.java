package org.elastos.frontdoor.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * JSON-RPC to one chain's node, over HTTP. Every transport failure becomes a {@link ChainUnreachableException} and
 * every refusal a {@link RefusedByChainException}: callers never see a raw {@link IOException} or an error hidden
 * inside a response.
 */
public final class EvmRpc implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChainProfile chain;
    private final HttpService http;
    private final Web3j web3j;

    public EvmRpc(ChainProfile chain) {
        this.chain = chain;
        this.http = new HttpService(chain.rpcUrl().toString());
        this.web3j = Web3j.build(http);
    }

    public ChainProfile chain() {
        return chain;
    }

    public long chainId() {
        return send(web3j.ethChainId()).getChainId().longValueExact();
    }

    /** @throws WrongChainException when the node serves another chain than the profile names */
    public void requireExpectedChain() {
        long actual = chainId();
        if (actual != chain.chainId()) {
            throw new WrongChainException(chain, actual);
        }
    }

    public BigInteger blockNumber() {
        return send(web3j.ethBlockNumber()).getBlockNumber();
    }

    /** A read-only call; a revert becomes a {@link RefusedByChainException}. */
    public String call(EvmAddress to, String data, BigInteger block) {
        Transaction call = Transaction.createEthCallTransaction(null, to.value(), data);
        return send(web3j.ethCall(call, DefaultBlockParameter.valueOf(block))).getValue();
    }

    /** Runs a call as {@code from}, paying {@code value}, on the state after {@code block}, without sending it. */
    public String simulate(EvmAddress from, EvmAddress to, BigInteger value, String data, BigInteger block) {
        Transaction call = new Transaction(from.value(), null, null, null, to.value(), value, data);
        return send(web3j.ethCall(call, DefaultBlockParameter.valueOf(block))).getValue();
    }

    public BigInteger estimateGas(EvmAddress from, EvmAddress to, BigInteger value, String data) {
        Transaction call = new Transaction(from.value(), null, null, null, to.value(), value, data);
        return send(web3j.ethEstimateGas(call)).getAmountUsed();
    }

    public BigInteger pendingNonce(EvmAddress account) {
        return send(web3j.ethGetTransactionCount(account.value(), DefaultBlockParameterName.PENDING)).getTransactionCount();
    }

    public BigInteger balance(EvmAddress account) {
        return send(web3j.ethGetBalance(account.value(), DefaultBlockParameterName.LATEST)).getBalance();
    }

    /** The base fee of the newest block; empty on chains without EIP-1559. */
    public Optional<BigInteger> baseFee() {
        EthBlock.Block latest = send(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock();
        return latest.getBaseFeePerGasRaw() == null ? Optional.empty() : Optional.of(latest.getBaseFeePerGas());
    }

    public BigInteger maxPriorityFee() {
        return send(web3j.ethMaxPriorityFeePerGas()).getMaxPriorityFeePerGas();
    }

    public BigInteger gasPrice() {
        return send(web3j.ethGasPrice()).getGasPrice();
    }

    /** Seconds since the epoch at which block {@code number} was made. */
    public long blockTimestamp(BigInteger number) {
        return send(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(number), false)).getBlock()
                .getTimestamp().longValueExact();
    }

    /** @return the transaction hash */
    public String sendRawTransaction(byte[] signed) {
        return send(web3j.ethSendRawTransaction(Numeric.toHexString(signed))).getTransactionHash();
    }

    public Optional<TransactionReceipt> receipt(String transactionHash) {
        return send(web3j.ethGetTransactionReceipt(transactionHash)).getTransactionReceipt();
    }

    public List<Log> logs(EthFilter filter) {
        List<Log> logs = new ArrayList<>();
        for (EthLog.LogResult<?> result : send(web3j.ethGetLogs(filter)).getLogs()) {
            logs.add((Log) result.get());
        }
        return logs;
    }

    /**
     * The logs {@code contract} emitted with any of {@code topics} first, from {@code fromBlock} to the newest block,
     * asked for {@code blocksPerQuery} blocks at a time (public nodes refuse wide ranges), oldest first.
     */
    public List<Log> logsSince(EvmAddress contract, BigInteger fromBlock, int blocksPerQuery, String... topics) {
        return logsBetween(contract, fromBlock, blockNumber(), blocksPerQuery, topics);
    }

    /** The logs of {@link #logsSince}, from {@code fromBlock} to {@code toBlock}, both included. */
    public List<Log> logsBetween(EvmAddress contract, BigInteger fromBlock, BigInteger toBlock, int blocksPerQuery, String... topics) {
        if (blocksPerQuery < 1) {
            throw new IllegalArgumentException("blocksPerQuery must be at least 1");
        }
        List<Log> logs = new ArrayList<>();
        for (BigInteger start = fromBlock; start.compareTo(toBlock) <= 0; start = start.add(BigInteger.valueOf(blocksPerQuery))) {
            BigInteger end = start.add(BigInteger.valueOf(blocksPerQuery - 1L)).min(toBlock);
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(start), DefaultBlockParameter.valueOf(end),
                    contract.value());
            filter.addOptionalTopics(topics);
            logs.addAll(logs(filter));
        }
        logs.sort(Comparator.comparing(Log::getBlockNumber).thenComparing(Log::getLogIndex));
        return logs;
    }

    /** A transaction from an account the node itself holds (only development nodes have them). */
    public String sendFromNodeAccount(EvmAddress from, Optional<EvmAddress> to, BigInteger value, String data) {
        Transaction transaction = new Transaction(from.value(), null, null, null, to.map(EvmAddress::value).orElse(null),
                value, data);
        return send(web3j.ethSendTransaction(transaction)).getTransactionHash();
    }

    public List<EvmAddress> nodeAccounts() {
        return send(web3j.ethAccounts()).getAccounts().stream().map(EvmAddress::new).toList();
    }

    /** A node-specific method without a result worth reading, such as {@code hardhat_mine}. */
    public void command(String method, List<?> params) {
        send(new Request<>(method, params, http, VoidResponse.class));
    }

    private <T extends Response<?>> T send(Request<?, T> request) {
        T response;
        try {
            response = request.send();
        } catch (IOException | ClientConnectionException e) {
            throw new ChainUnreachableException(chain, e);
        }
        if (response.hasError()) {
            throw new RefusedByChainException(refusal(response.getError()), chain.coin());
        }
        return response;
    }

    /** Nodes put revert data either directly in {@code error.data} or one level down in {@code error.data.data}. */
    private static Refusal refusal(Response.Error error) {
        Optional<String> revertData = revertData(error.getData());
        return revertData.map(RevertDecoder::decode).orElseGet(() -> RevertDecoder.fromNodeMessage(error.getMessage()));
    }

    private static Optional<String> revertData(String data) {
        if (data == null || data.isBlank()) {
            return Optional.empty();
        }
        String text = data.strip();
        if (text.startsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.startsWith("0x")) {
            return text.length() > 2 ? Optional.of(text) : Optional.empty();
        }
        try {
            JsonNode nested = JSON.readTree(text).path("data");
            return nested.isTextual() && nested.asText().startsWith("0x") ? Optional.of(nested.asText()) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
