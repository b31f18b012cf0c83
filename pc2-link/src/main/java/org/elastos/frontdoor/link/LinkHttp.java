package org.elastos.frontdoor.link;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The app's side of the small part of HTTP/1.1 the link speaks, over any stream (a direct TLS socket, or one spliced
 * through a relay, which a stock HTTP client cannot use): requests out, and a status line, headers and a body of
 * known length (or one that runs until the box hangs up) back. Bounded everywhere, so a box cannot make the app read
 * without end. The box's side is Netty's HTTP codec (ADR 0010).
 */
public final class LinkHttp {
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 64;

    /** A response whose body is read from the connection as the caller consumes it. */
    public record Response(int status, Map<String, String> headers, InputStream body, long length) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        public byte[] bodyBytes() throws IOException {
            return body.readAllBytes();
        }
    }

    private LinkHttp() {
    }

    public static void writeRequest(OutputStream out, String method, String target, Map<String, String> headers,
                                    byte[] body) throws IOException {
        writeRequestHead(out, method, target, headers, body.length);
        out.write(body);
        out.flush();
    }

    /** The head of a request whose {@code length} body bytes the caller streams next. */
    public static void writeRequestHead(OutputStream out, String method, String target, Map<String, String> headers,
                                        long length) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    }

    public static Response readResponse(InputStream in) throws IOException {
        String status = readLine(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code;
        try {
            code = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + status, e);
        }
        Map<String, String> headers = readHeaders(in);
        if (!headers.containsKey("content-length") && "close".equalsIgnoreCase(headers.get("connection"))) {
            return new Response(code, headers, new Bounded(in, Long.MAX_VALUE, true), -1);
        }
        long length = contentLength(headers);
        return new Response(code, headers, new Bounded(in, length, false), length);
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        while (true) {
            String line = readLine(in);
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || headers.size() >= MAX_HEADERS) {
                throw new IOException("malformed or too many headers");
            }
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
    }

    private static long contentLength(Map<String, String> headers) throws IOException {
        if (headers.containsKey("transfer-encoding")) {
            throw new IOException("chunked bodies are not spoken on the link; send Content-Length");
        }
        try {
            long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
            if (length < 0) {
                throw new IOException("negative Content-Length");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("unreadable Content-Length", e);
        }
    }

    /** One CRLF-terminated ASCII line. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed in the middle of a message");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("a header line is over " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    /**
     * Reads at most {@code remaining} bytes, then reports the end, leaving the connection for the next message; a
     * stream that runs until the connection closes ({@code untilClosed}) ends quietly there.
     */
    private static final class Bounded extends FilterInputStream {
        private long remaining;
        private final boolean untilClosed;

        Bounded(InputStream in, long length, boolean untilClosed) {
            super(in);
            this.remaining = length;
            this.untilClosed = untilClosed;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b < 0 && untilClosed) {
                return -1;
            }
            if (b < 0) {
                throw new EOFException("the connection closed with " + remaining + " bytes of the body still to come");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read < 0 && untilClosed) {
                return -1;
            }
            if (read < 0) {
                throw new EOFException("the connection closed with " + remaining + " bytes of the body still to come");
            }
            remaining -= read;
            return read;
        }

        @Override
        public void close() {
            // The connection outlives one response.
        }
    }
}
