package org.elastos.frontdoor.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The market contract's creation bytecode, exported from {@code market/contracts} by its build; CI checks that it
 * is exactly what the Solidity sources compile to.
 */
public final class MarketArtifact {
    private static final String RESOURCE = "VendingMachineMarket.json";

    private MarketArtifact() {
    }

    public static String creationBytecode() {
        return read().path("bytecode").asText();
    }

    public static String solcVersion() {
        return read().path("solc").asText();
    }

    private static JsonNode read() {
        try (InputStream in = MarketArtifact.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the market jar; rebuild it");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
