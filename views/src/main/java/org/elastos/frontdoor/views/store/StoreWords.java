package org.elastos.frontdoor.views.store;

import org.elastos.frontdoor.market.ChainUnreachableException;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.DevChainNotRunningException;
import org.elastos.frontdoor.market.MarketNotConfiguredException;
import org.elastos.frontdoor.market.ReceiptTimeoutException;
import org.elastos.frontdoor.market.RefusedByChainException;
import org.elastos.frontdoor.market.Refusal;
import org.elastos.frontdoor.market.WrongChainException;
import org.elastos.frontdoor.views.Strings;

/** What the market's typed failures mean to a person, in the bundle's words. */
public final class StoreWords {
    private StoreWords() {
    }

    public static String failure(Throwable failure, Coin coin) {
        if (failure instanceof RefusedByChainException refused) {
            return refusal(refused.refusal(), coin);
        }
        if (failure instanceof DevChainNotRunningException) {
            return Strings.get("store.error.dev-chain");
        }
        if (failure instanceof ChainUnreachableException) {
            return Strings.get("store.error.unreachable");
        }
        if (failure instanceof WrongChainException) {
            return Strings.get("store.error.wrong-chain");
        }
        if (failure instanceof MarketNotConfiguredException) {
            return Strings.get("store.error.no-market");
        }
        if (failure instanceof ReceiptTimeoutException) {
            return Strings.get("store.error.unconfirmed");
        }
        // Never the failure's own message: it may carry what a node or a box chose to say.
        return Strings.get("error.unexpected", failure.getClass().getSimpleName());
    }

    static String refusal(Refusal refusal, Coin coin) {
        if (refusal instanceof Refusal.CannotAfford cost) {
            return cost.balance().compareTo(cost.needed()) >= 0
                    ? Strings.get("store.error.fee", coin.format(cost.needed()), coin.format(cost.balance()))
                    : Strings.get("store.error.afford", coin.format(cost.needed()), coin.format(cost.balance()));
        }
        if (refusal instanceof Refusal.NotForSale) {
            return Strings.get("store.error.paused");
        }
        if (refusal instanceof Refusal.NotListed) {
            return Strings.get("store.error.not-listed");
        }
        if (refusal instanceof Refusal.NothingToWithdraw) {
            return Strings.get("earnings.nothing");
        }
        if (refusal instanceof Refusal.WrongPayment wrong) {
            return Strings.get("store.error.price-changed", coin.format(wrong.price()));
        }
        return Strings.get("store.error.refused");
    }
}
