package org.elastos.frontdoor.link.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Copies bytes between an app's connection and the box's, both ways, reading from one side only as fast as the other
 * side takes them, until either closes, the session's byte budget is spent, or nothing moves for the idle limit.
 */
final class RelaySplice extends ChannelInboundHandlerAdapter {
    /** An app's connection waiting for its box to take it. */
    record Pending(Channel app, ScheduledFuture<?> giveUp) {
    }

    private final Channel peer;
    private final boolean toBox;
    private final AtomicLong carried;
    private final long budget;
    private final BiConsumer<Boolean, byte[]> tap;

    private RelaySplice(Channel peer, boolean toBox, AtomicLong carried, long budget, BiConsumer<Boolean, byte[]> tap) {
        this.peer = peer;
        this.toBox = toBox;
        this.carried = carried;
        this.budget = budget;
        this.tap = tap;
    }

    /** Turns two greeted connections into one spliced stream; call on the app's event loop. */
    static void join(Channel app, Channel box, RelayLimits limits, BiConsumer<Boolean, byte[]> tap) {
        AtomicLong carried = new AtomicLong();
        install(app, new RelaySplice(box, true, carried, limits.bytesPerSession(), tap), limits);
        box.eventLoop().execute(() -> install(box, new RelaySplice(app, false, carried, limits.bytesPerSession(), tap), limits));
    }

    private static void install(Channel channel, RelaySplice splice, RelayLimits limits) {
        if (!channel.isActive() || !splice.peer.isActive()) {
            channel.close();
            splice.peer.close();
            return;
        }
        channel.pipeline().addLast("idle", new IdleStateHandler(0, 0, limits.idle().toMillis(), TimeUnit.MILLISECONDS));
        channel.pipeline().addLast("splice", splice);
        // Removing the line decoder last hands any bytes it still holds to the splice, in order.
        for (String name : new String[] {"greeting", "text", "lines"}) {
            if (channel.pipeline().get(name) != null) {
                channel.pipeline().remove(name);
            }
        }
        channel.config().setAutoRead(true);
        channel.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf bytes = (ByteBuf) message;
        if (carried.addAndGet(bytes.readableBytes()) > budget) {
            bytes.release();
            closeBoth(ctx);
            return;
        }
        if (tap != null) {
            tap.accept(toBox, ByteBufUtil.getBytes(bytes));
        }
        peer.writeAndFlush(bytes).addListener(written -> {
            if (!written.isSuccess()) {
                closeBoth(ctx);
            }
        });
        if (!peer.isWritable()) {
            ctx.channel().config().setAutoRead(false);
            // The peer may have drained on its own thread meanwhile, its event already gone: look again.
            if (peer.isWritable()) {
                ctx.channel().config().setAutoRead(true);
            }
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            peer.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            closeBoth(ctx);
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        closeBoth(ctx);
    }

    private void closeBoth(ChannelHandlerContext ctx) {
        ctx.close();
        peer.close();
    }
}
