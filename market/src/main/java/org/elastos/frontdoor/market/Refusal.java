package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;

import java.math.BigInteger;

/** Why the chain refused, decoded from the market's custom errors, so a person reads a sentence, not hex. */
public sealed interface Refusal {
    /** The sentence shown to a person, amounts written in the chain's coin. */
    String explain(Coin coin);

    record WrongPayment(ContentId contentId, BigInteger price, BigInteger sent) implements Refusal {
        @Override
        public String explain(Coin coin) {
            return "the price of " + contentId + " is " + coin.format(price) + ", you sent " + coin.format(sent)
                    + "; pay exactly the price";
        }
    }

    record NotListed(ContentId contentId) implements Refusal {
        @Override
        public String explain(Coin coin) {
            return contentId + " is not listed on this market; check the content id";
        }
    }

    record NotForSale(ContentId contentId) implements Refusal {
        @Override
        public String explain(Coin coin) {
            return "the seller has paused sales of " + contentId + "; try again when it is for sale";
        }
    }

    record AlreadyListed(ContentId contentId) implements Refusal {
        @Override
        public String explain(Coin coin) {
            return contentId + " is already listed; a content id is listed once, by its seller";
        }
    }

    record NotSeller(ContentId contentId, EvmAddress caller, EvmAddress seller) implements Refusal {
        @Override
        public String explain(Coin coin) {
            return "only the seller of " + contentId + " (" + seller + ") can change it, not " + caller;
        }
    }

    record ZeroPrice() implements Refusal {
        @Override
        public String explain(Coin coin) {
            return "a price must be more than 0 " + coin.symbol();
        }
    }

    record EmptyContentId() implements Refusal {
        @Override
        public String explain(Coin coin) {
            return "a content id cannot be all zeros";
        }
    }

    record NothingToWithdraw(EvmAddress account) implements Refusal {
        @Override
        public String explain(Coin coin) {
            return account + " has no earnings to withdraw yet";
        }
    }

    /** A share or access-token transfer of more than the holder has. */
    record NotEnoughTokens(EvmAddress holder, BigInteger balance, BigInteger needed) implements Refusal {
        @Override
        public String explain(Coin coin) {
            return holder + " holds " + balance + " of that token and cannot move " + needed;
        }
    }

    /** The node refused before running anything: the account cannot pay the value plus the fee. */
    /** What it costs (the price, or the price and the most its fee can be) against what the account holds. */
    record CannotAfford(BigInteger needed, BigInteger balance) implements Refusal {
        @Override
        public String explain(Coin coin) {
            return "this costs " + coin.format(needed) + ", you hold " + coin.format(balance);
        }
    }

    record InsufficientFunds(String nodeMessage) implements Refusal {
        @Override
        public String explain(Coin coin) {
            return "the account does not hold enough " + coin.symbol() + " to pay for this and its fee ("
                    + nodeMessage + ")";
        }
    }

    /** A plain {@code require(..., "reason")} or a message from the node. */
    record Reason(String text) implements Refusal {
        @Override
        public String explain(Coin coin) {
            return "refused by the chain: " + text;
        }
    }

    /** Revert data this client does not know; kept whole so it can still be looked up. */
    record Unrecognized(String revertData) implements Refusal {
        @Override
        public String explain(Coin coin) {
            return "refused by the chain with data this app does not know: " + revertData;
        }
    }
}
