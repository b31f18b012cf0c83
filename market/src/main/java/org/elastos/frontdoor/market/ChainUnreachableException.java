package org.elastos.frontdoor.market;

/** The chain's node did not answer. Never read as "no": a rights check that cannot ask refuses to answer. */
public final class ChainUnreachableException extends MarketException {
    public ChainUnreachableException(ChainProfile chain, Throwable cause) {
        super("cannot reach " + chain.displayName() + " at " + chain.rpcUrl() + " (" + describe(cause)
                + "); check the network connection or choose another RPC URL", cause);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
