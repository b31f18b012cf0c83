package org.elastos.frontdoor.box;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A deadline for a whole request, not for each read: from the first byte of a request, its head and small body must
 * arrive within the limit, however slowly each byte comes. Two handlers share one clock: {@link #bytes()} sits before
 * the HTTP decoder and starts it at a request's first byte; {@link #messages()} sits after and stops it when the
 * request is in (a large upload's body is then governed by the idle limit instead).
 */
final class RequestDeadline {
    private final Duration limit;
    private final long smallBody;
    private ScheduledFuture<?> running;

    RequestDeadline(Duration limit, long smallBody) {
        this.limit = limit;
        this.smallBody = smallBody;
    }

    ChannelInboundHandlerAdapter bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                if (running == null) {
                    running = ctx.executor().schedule(() -> {
                        ctx.close();
                    }, limit.toMillis(), TimeUnit.MILLISECONDS);
                }
                ctx.fireChannelRead(message);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                stop();
                ctx.fireChannelInactive();
            }
        };
    }

    ChannelInboundHandlerAdapter messages() {
        return new ChannelInboundHandlerAdapter() {
            private boolean streamingBody;

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                if (message instanceof HttpRequest request) {
                    streamingBody = HttpUtil.getContentLength(request, 0L) > smallBody;
                    if (streamingBody) {
                        stop();
                    }
                }
                if (message instanceof HttpContent && (streamingBody || message instanceof LastHttpContent)) {
                    stop();
                }
                ctx.fireChannelRead(message);
            }
        };
    }

    private void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }
}
