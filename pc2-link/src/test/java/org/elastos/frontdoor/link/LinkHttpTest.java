package org.elastos.frontdoor.link;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The link's small HTTP/1.1: what the app writes, and what it accepts back from a box (or from anyone pretending). */
class LinkHttpTest {
    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void writesARequestHeadWithItsHeadersInOrderAndTheBodyLength() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Biscuit abc");
        headers.put("Accept", "application/json");
        LinkHttp.writeRequest(out, "POST", "/pair", headers, "{}".getBytes(StandardCharsets.US_ASCII));
        assertEquals("POST /pair HTTP/1.1\r\nAuthorization: Biscuit abc\r\nAccept: application/json\r\nContent-Length: 2\r\n\r\n{}",
                out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void readsAResponseAndLeavesTheNextOneOnTheConnection() throws IOException {
        InputStream in = bytes("HTTP/1.1 206 Partial Content\r\nContent-Length: 5\r\nContent-Range: bytes 0-4/9\r\n\r\nhello"
                + "HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
        LinkHttp.Response first = LinkHttp.readResponse(in);
        assertEquals(206, first.status());
        assertEquals(5, first.length());
        assertEquals(Optional.of("bytes 0-4/9"), first.header("Content-Range"), "headers are found whatever their case");
        byte[] body = new byte[16];
        assertEquals(5, first.body().read(body, 0, body.length), "a read never runs into the next response");
        assertEquals(-1, first.body().read(body, 0, body.length));
        assertEquals(-1, first.body().read());
        first.body().close();

        LinkHttp.Response second = LinkHttp.readResponse(in);
        assertEquals(200, second.status(), "bare newlines are read too");
        assertEquals('o', second.body().read());
        assertEquals('k', second.body().read());
        assertEquals(-1, second.body().read());
    }

    @Test
    void aResponseWithoutLengthThatClosesRunsToTheEnd() throws IOException {
        LinkHttp.Response response = LinkHttp.readResponse(bytes("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it"));
        assertEquals(-1, response.length());
        assertArrayEquals("all of it".getBytes(StandardCharsets.US_ASCII), response.bodyBytes());
        assertEquals(-1, response.body().read(), "and ends quietly there");
        LinkHttp.Response oneByOne = LinkHttp.readResponse(bytes("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nab"));
        assertEquals('a', oneByOne.body().read());
        assertEquals('b', oneByOne.body().read());
        assertEquals(-1, oneByOne.body().read());
    }

    @Test
    void aResponseWithNeitherLengthNorCloseHasAnEmptyBody() throws IOException {
        LinkHttp.Response response = LinkHttp.readResponse(bytes("HTTP/1.1 204 No Content\r\n\r\nnext"));
        assertEquals(0, response.length());
        assertEquals(-1, response.body().read());
    }

    @Test
    void aBodyCutShortIsAnErrorNotAShortFile() throws IOException {
        LinkHttp.Response bulk = LinkHttp.readResponse(bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
        EOFException cut = assertThrows(EOFException.class, bulk::bodyBytes);
        assertTrue(cut.getMessage().contains("7 bytes"), cut.getMessage());
        LinkHttp.Response single = LinkHttp.readResponse(bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\na"));
        assertEquals('a', single.body().read());
        assertTrue(assertThrows(EOFException.class, () -> single.body().read()).getMessage().contains("1 bytes"));
    }

    @Test
    void refusesWhatIsNotAnHttpResponse() {
        for (String text : new String[] {
                "SSH-2.0-OpenSSH\r\n\r\n",
                "HTTP/1.1\r\n\r\n",
                "HTTP/2 200\r\n\r\n",
                "HTTP/1.1 abc OK\r\n\r\n",
                "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
                "HTTP/1.1 200 OK\r\n: empty name\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n",
        }) {
            assertThrows(IOException.class, () -> LinkHttp.readResponse(bytes(text)), text);
        }
    }

    @Test
    void refusesHeadLinesAndHeaderCountsPastTheirBounds() throws IOException {
        String longest = "x-a: " + "a".repeat(8 * 1024 - 5);
        assertEquals(200, LinkHttp.readResponse(bytes("HTTP/1.1 200 OK\r\n" + longest + "\n\n")).status(),
                "a line of exactly 8 KiB is read");
        assertThrows(IOException.class, () -> LinkHttp.readResponse(bytes("HTTP/1.1 200 OK\r\n" + longest + "a\n\n")));

        StringBuilder many = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 64; i++) {
            many.append("x-").append(i).append(": 1\r\n");
        }
        assertEquals(64, LinkHttp.readResponse(bytes(many + "\r\n")).headers().size(), "64 headers are read");
        assertThrows(IOException.class, () -> LinkHttp.readResponse(bytes(many + "x-64: 1\r\n\r\n")), "65 are not");
    }
}
