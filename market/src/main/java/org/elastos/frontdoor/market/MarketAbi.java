package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The ABI of the vending-machine market: how each function is encoded and each answer and event decoded. The
 * rights check is the one function other contracts share (Elacity's AuthorityGateway has the same selector).
 */
public final class MarketAbi {
    public static final String HAS_ACCESS_SELECTOR = "0x54d42821";

    public static final Event LISTED = new Event("Listed", List.of(
            new TypeReference<Bytes16>(true) { }, new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { }, new TypeReference<Utf8String>() { }));
    public static final Event PURCHASED = new Event("Purchased", List.of(
            new TypeReference<Bytes16>(true) { }, new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { }, new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { },
            new TypeReference<Uint256>() { }));
    public static final Event WITHDRAWN = new Event("Withdrawn", List.of(
            new TypeReference<Address>(true) { }, new TypeReference<Uint256>() { }));
    /** ERC-1155: operator, from and to are indexed; id and value are data. */
    public static final Event TRANSFER_SINGLE = new Event("TransferSingle", List.of(
            new TypeReference<Address>(true) { }, new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { }, new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { }));
    public static final Event TRANSFER_BATCH = new Event("TransferBatch", List.of(
            new TypeReference<Address>(true) { }, new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { }, new TypeReference<DynamicArray<Uint256>>() { },
            new TypeReference<DynamicArray<Uint256>>() { }));

    private static final BigInteger SHARE_FLAG = BigInteger.ONE.shiftLeft(128);

    private MarketAbi() {
    }

    public static String hasAccessByContentId(EvmAddress holder, ContentId contentId) {
        return encode("hasAccessByContentId", new Address(holder.value()), bytes16(contentId));
    }

    public static String list(ContentId contentId, BigInteger price, String metadataUri) {
        return encode("list", bytes16(contentId), new Uint256(price), new Utf8String(metadataUri));
    }

    public static String setForSale(ContentId contentId, boolean forSale) {
        return encode("setForSale", bytes16(contentId), new Bool(forSale));
    }

    public static String setPrice(ContentId contentId, BigInteger price) {
        return encode("setPrice", bytes16(contentId), new Uint256(price));
    }

    public static String buyAccess(ContentId contentId) {
        return encode("buyAccess", bytes16(contentId));
    }

    public static String withdraw() {
        return encode("withdraw");
    }

    public static String asset(ContentId contentId) {
        return encode("asset", bytes16(contentId));
    }

    public static String withdrawable(EvmAddress account) {
        return encode("withdrawable", new Address(account.value()));
    }

    public static String sharesOf(EvmAddress holder, ContentId contentId) {
        return encode("sharesOf", new Address(holder.value()), bytes16(contentId));
    }

    public static String safeTransferFrom(EvmAddress from, EvmAddress to, BigInteger tokenId, BigInteger amount) {
        return encode("safeTransferFrom", new Address(from.value()), new Address(to.value()), new Uint256(tokenId),
                new Uint256(amount), new DynamicBytes(new byte[0]));
    }

    public static BigInteger accessTokenId(ContentId contentId) {
        return new BigInteger(1, contentId.bytes());
    }

    public static BigInteger shareTokenId(ContentId contentId) {
        return accessTokenId(contentId).or(SHARE_FLAG);
    }

    /** The content id of a share token id, or empty for an access token id. */
    public static Optional<ContentId> contentIdOfShareToken(BigInteger tokenId) {
        if (!tokenId.testBit(128) || tokenId.bitLength() > 129 || tokenId.equals(SHARE_FLAG)) {
            return Optional.empty();
        }
        return Optional.of(ContentId.of(Numeric.toBytesPadded(tokenId.clearBit(128), ContentId.LENGTH)));
    }

    public static String topic(Event event) {
        return EventEncoder.encode(event);
    }

    public static boolean decodeBool(String result) {
        return ((Bool) decode(result, new TypeReference<Bool>() { }).get(0)).getValue();
    }

    public static BigInteger decodeUint(String result) {
        return ((Uint256) decode(result, new TypeReference<Uint256>() { }).get(0)).getValue();
    }

    /** seller, forSale, price, metadataUri. */
    public static List<Type> decodeAsset(String result) {
        return decode(result, new TypeReference<Address>() { }, new TypeReference<Bool>() { },
                new TypeReference<Uint256>() { }, new TypeReference<Utf8String>() { });
    }

    public static List<Type> decodeData(String data, Event event) {
        return FunctionReturnDecoder.decode(data, event.getNonIndexedParameters());
    }

    private static Bytes16 bytes16(ContentId contentId) {
        return new Bytes16(contentId.bytes());
    }

    @SafeVarargs
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Type> decode(String result, TypeReference<? extends Type>... outputs) {
        List<Type> values = FunctionReturnDecoder.decode(result, (List) List.of(outputs));
        if (values.size() != outputs.length) {
            throw new IllegalStateException("the contract answered with " + values.size() + " values where "
                    + outputs.length + " were expected; is this the market contract?");
        }
        return values;
    }

    private static String encode(String name, Type<?>... arguments) {
        return FunctionEncoder.encode(new Function(name, List.of(arguments), List.of()));
    }
}
