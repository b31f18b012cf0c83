package org.elastos.frontdoor.market;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class RevertDecoderTest {
    private static final ContentId FILM = ContentId.parse("0x0123456789abcdef0123456789abcdef");

    @Test
    void explainsAWrongPaymentInTheChainsCoin() {
        String data = Hash.sha3String("WrongPayment(bytes16,uint256,uint256)").substring(0, 10)
                + "0123456789abcdef0123456789abcdef00000000000000000000000000000000"
                + word(new BigInteger("2500000000000000000"))
                + word(new BigInteger("2000000000000000000"));

        Refusal refusal = RevertDecoder.decode(data);

        assertEquals(new Refusal.WrongPayment(FILM, new BigInteger("2500000000000000000"), new BigInteger("2000000000000000000")),
                refusal);
        assertEquals("the price of 0x0123456789abcdef0123456789abcdef is 2.5 ELA, you sent 2 ELA; pay exactly the price",
                refusal.explain(Coin.ELA));
    }

    @Test
    void readsAPlainRevertReason() {
        String data = "0x08c379a0"
                + word(BigInteger.valueOf(32)) + word(BigInteger.valueOf(5))
                + "68656c6c6f000000000000000000000000000000000000000000000000000000";
        assertEquals(new Refusal.Reason("hello"), RevertDecoder.decode(data));
    }

    @Test
    void keepsUnknownAndTruncatedDataWholeInsteadOfFailing() {
        assertEquals(new Refusal.Unrecognized("0xdeadbeef00"), RevertDecoder.decode("0xDEADBEEF00"));
        String truncated = Hash.sha3String("WrongPayment(bytes16,uint256,uint256)").substring(0, 10) + "0123";
        assertInstanceOf(Refusal.Unrecognized.class, RevertDecoder.decode(truncated));
        assertInstanceOf(Refusal.Unrecognized.class, RevertDecoder.decode(""));
    }

    @Test
    void tellsInsufficientFundsFromOtherNodeMessages() {
        assertInstanceOf(Refusal.InsufficientFunds.class,
                RevertDecoder.fromNodeMessage("Sender doesn't have enough funds: insufficient funds for gas * price + value"));
        assertInstanceOf(Refusal.Reason.class, RevertDecoder.fromNodeMessage("nonce too low"));
    }

    private static String word(BigInteger value) {
        return String.format("%64s", value.toString(16)).replace(' ', '0');
    }
}
