package org.elastos.frontdoor.box;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.link.BoxRefusal;

import java.nio.file.Path;

/** What the box answers one request with; {@link BoxHttp} turns it into bytes on the connection. */
sealed interface Reply {
    ObjectMapper JSON = new ObjectMapper();

    /** A small JSON answer. */
    record Json(int status, JsonNode body) implements Reply {
    }

    /** Part or all of a file, streamed from disk as the connection takes it. */
    record FileSlice(int status, Path file, long start, long length, long size) implements Reply {
    }

    /** A range that starts past the end of a file of {@code size} bytes. */
    record RangeNotSatisfiable(long size) implements Reply {
    }

    /** The change stream: one JSON line per change until the device hangs up. */
    record Events() implements Reply {
    }

    static Json ok(JsonNode body) {
        return new Json(200, body);
    }

    /** A refusal: the box's words for whoever reads them on a terminal, and the reason a screen maps to its own. */
    static Json refused(int status, BoxRefusal reason, String message) {
        return new Json(status, error(message).put("reason", reason.name()));
    }

    static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }
}
