package org.elastos.frontdoor.box;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;

import java.util.Optional;

/**
 * Whatever bytes a peer sends after its handshake, the box's HTTP decoder (Netty's, with the box's limits) and its
 * own request reading give a request the API can route, a request it refuses as unreadable, or a decoder failure the
 * box answers with 400: never a crash, never an unbounded buffer.
 */
class BoxRequestFuzzTest {
    @FuzzTest
    void readsAnyBytesAsRequestsOrRefusesThem(byte[] input) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(BoxServer.HTTP_LIMITS));
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(input));
            for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
                try {
                    if (message instanceof HttpRequest request && request.decoderResult().isSuccess()) {
                        if (request.uri().length() > 8 * 1024) {
                            throw new AssertionError("a request line past the limit was decoded");
                        }
                        try {
                            BoxRequest parsed = BoxRequest.parse(request.method().name(), request.uri(),
                                    request.headers().get(HttpHeaderNames.AUTHORIZATION, ""),
                                    Optional.ofNullable(request.headers().get(HttpHeaderNames.RANGE)));
                            parsed.route();
                        } catch (IllegalArgumentException unreadable) {
                            // Answered with 400 and the reason.
                        }
                    }
                } finally {
                    ReferenceCountUtil.release(message);
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
