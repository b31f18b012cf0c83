package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Turns the revert data of a failed call (a 4-byte error selector and its ABI-encoded arguments) into a {@link Refusal}. */
public final class RevertDecoder {
    private static final TypeReference<Bytes16> BYTES16 = new TypeReference<>() { };
    private static final TypeReference<Uint256> UINT = new TypeReference<>() { };
    private static final TypeReference<Address> ADDRESS = new TypeReference<>() { };

    private record Shape(List<TypeReference<?>> arguments, Function<List<Type>, Refusal> build) {
    }

    private static final Map<String, Shape> ERRORS = Map.ofEntries(
            error("WrongPayment(bytes16,uint256,uint256)", List.of(BYTES16, UINT, UINT),
                    a -> new Refusal.WrongPayment(id(a, 0), number(a, 1), number(a, 2))),
            error("NotListed(bytes16)", List.of(BYTES16), a -> new Refusal.NotListed(id(a, 0))),
            error("NotForSale(bytes16)", List.of(BYTES16), a -> new Refusal.NotForSale(id(a, 0))),
            error("AlreadyListed(bytes16)", List.of(BYTES16), a -> new Refusal.AlreadyListed(id(a, 0))),
            error("NotSeller(bytes16,address,address)", List.of(BYTES16, ADDRESS, ADDRESS),
                    a -> new Refusal.NotSeller(id(a, 0), address(a, 1), address(a, 2))),
            error("ZeroPrice()", List.of(), a -> new Refusal.ZeroPrice()),
            error("EmptyContentId()", List.of(), a -> new Refusal.EmptyContentId()),
            error("NothingToWithdraw(address)", List.of(ADDRESS), a -> new Refusal.NothingToWithdraw(address(a, 0))),
            error("ERC1155InsufficientBalance(address,uint256,uint256,uint256)", List.of(ADDRESS, UINT, UINT, UINT),
                    a -> new Refusal.NotEnoughTokens(address(a, 0), number(a, 1), number(a, 2))),
            error("Error(string)", List.of(new TypeReference<Utf8String>() { }),
                    a -> new Refusal.Reason(a.get(0).getValue().toString())));

    private RevertDecoder() {
    }

    /** @param revertData hex, with or without 0x; empty when the node gave none */
    public static Refusal decode(String revertData) {
        String hex = Numeric.cleanHexPrefix(revertData == null ? "" : revertData.strip()).toLowerCase(Locale.ROOT);
        if (hex.length() < 8) {
            return new Refusal.Unrecognized("0x" + hex);
        }
        Shape shape = ERRORS.get(hex.substring(0, 8));
        if (shape == null) {
            return new Refusal.Unrecognized("0x" + hex);
        }
        try {
            @SuppressWarnings({"unchecked", "rawtypes"})
            List<Type> values = FunctionReturnDecoder.decode("0x" + hex.substring(8), (List) shape.arguments());
            if (values.size() != shape.arguments().size()) {
                return new Refusal.Unrecognized("0x" + hex);
            }
            return shape.build().apply(values);
        } catch (RuntimeException malformed) {
            return new Refusal.Unrecognized("0x" + hex);
        }
    }

    /** The node's message when it refuses without running the call (no revert data). */
    static Refusal fromNodeMessage(String message) {
        String text = message == null ? "" : message;
        if (text.toLowerCase(Locale.ROOT).contains("insufficient funds")) {
            return new Refusal.InsufficientFunds(text);
        }
        return new Refusal.Reason(text);
    }

    private static Map.Entry<String, Shape> error(String signature, List<TypeReference<?>> arguments,
                                                  Function<List<Type>, Refusal> build) {
        String selector = Hash.sha3String(signature).substring(2, 10);
        return Map.entry(selector, new Shape(arguments, build));
    }

    private static ContentId id(List<Type> values, int index) {
        return ContentId.of(((Bytes16) values.get(index)).getValue());
    }

    private static BigInteger number(List<Type> values, int index) {
        return ((Uint256) values.get(index)).getValue();
    }

    private static EvmAddress address(List<Type> values, int index) {
        return new EvmAddress(((Address) values.get(index)).getValue());
    }
}
