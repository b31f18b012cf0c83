package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.market.Checkout;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.ContractCall;
import org.elastos.frontdoor.market.EvmRpc;
import org.elastos.frontdoor.market.SentTransaction;
import org.elastos.frontdoor.wallet.signer.Signer;

/** How every command sends a transaction: through the same Checkout as the screens, the fee on standard error first. */
final class Sending {
    private Sending() {
    }

    /**
     * Prepares the call, shows what it does and its fee, asks at a terminal (or needs {@code yes}), sends it and waits
     * for it to be mined.
     *
     * @param notSent what to say when it is not sent, before the hint about --yes
     */
    static SentTransaction send(EvmRpc rpc, Signer signer, ContractCall call, Terminal terminal, boolean yes, String notSent)
            throws Exception {
        Checkout checkout = Checkout.prepare(rpc, signer, call);
        Checkout.Quote quote = checkout.quote();
        Coin coin = quote.coin();
        System.err.println(quote.description() + " on " + quote.chain() + " as " + quote.from());
        System.err.println("fee: at most " + coin.format(quote.maxFee())
                + (quote.value().signum() > 0 ? "; total at most " + coin.format(quote.maxTotal()) : ""));
        if (!yes && !terminal.confirm("Send?")) {
            throw new CliException(terminal.interactive() ? notSent : notSent + ": pass --yes to send without being asked");
        }
        return checkout.send(step -> {
            if (step instanceof Checkout.Step.Sending) {
                System.err.println("sending and waiting for it to be mined...");
            }
        });
    }
}
