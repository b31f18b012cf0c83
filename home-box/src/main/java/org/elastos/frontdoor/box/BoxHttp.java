package org.elastos.frontdoor.box;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.elastos.frontdoor.link.BoxRefusal;
import org.elastos.frontdoor.wallet.audit.AuditUnavailableException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One connection's requests after its handshake, in order: reads each request (a small body whole, an upload's body
 * streamed to disk one piece at a time, reading no faster than the disk writes), asks {@link BoxApi}, and writes the
 * {@link Reply}: JSON, a file streamed as the peer takes it, or the change stream. It runs on a worker of its peer's
 * kind (devices and strangers have their own), never on the event loop, so file and audit work cannot stall I/O.
 */
final class BoxHttp extends ChannelInboundHandlerAdapter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EVENT_PING_SECONDS = 15;
    private static final int FILE_CHUNK = 64 * 1024;

    private final BoxApi api;
    private final Peer peer;
    private final PeerGate gate;
    private final ChangeFeed changes;

    /** What the bytes after the current request's head are for. */
    private enum Body { NONE, SMALL, UPLOAD, DISCARD }

    private Body body = Body.NONE;
    private BoxRequest parsed;
    private ByteArrayOutputStream small;
    private BoxApi.Upload.Accepted upload;
    private boolean closeAfter;

    BoxHttp(BoxApi api, Peer peer, PeerGate gate, ChangeFeed changes) {
        this.api = api;
        this.peer = peer;
        this.gate = gate;
        this.changes = changes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (message instanceof HttpRequest request) {
                begin(ctx, request);
            }
            if (message instanceof HttpContent content) {
                piece(ctx, content);
            }
        } catch (AuditUnavailableException e) {
            abandon("the audit log cannot be written");
            refuse(ctx, 503, BoxRefusal.AUDIT_UNAVAILABLE, e.getMessage(), true);
        } catch (IOException | RuntimeException e) {
            abandon(e.getMessage());
            refuse(ctx, 500, BoxRefusal.UNKNOWN, "the box could not answer: " + e.getMessage(), true);
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest request) throws IOException {
        closeAfter = !HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure()) {
            body = Body.DISCARD;
            refuse(ctx, 400, BoxRefusal.BAD_REQUEST, "not a request the box can read: " + request.decoderResult().cause().getMessage(), true);
            return;
        }
        if (!peer.device() && !gate.strangerMayRequest(peer.did())) {
            body = Body.DISCARD;
            write(ctx, api.tooMany(peer, request.method().name()));
            return;
        }
        if (HttpUtil.isTransferEncodingChunked(request)) {
            body = Body.DISCARD;
            refuse(ctx, 411, BoxRefusal.BAD_REQUEST, "send a Content-Length; the link does not take chunked bodies", true);
            return;
        }
        long length = HttpUtil.getContentLength(request, 0L);
        try {
            parsed = BoxRequest.parse(request.method().name(), request.uri(),
                    request.headers().get(HttpHeaderNames.AUTHORIZATION, ""),
                    Optional.ofNullable(request.headers().get(HttpHeaderNames.RANGE)));
        } catch (IllegalArgumentException e) {
            body = Body.DISCARD;
            closeAfter |= length > BoxApi.MAX_JSON;
            write(ctx, api.unreadable(peer, request.method().name(), e.getMessage()));
            return;
        }
        if (!peer.device() && parsed.route().equals("POST /pair")) {
            // Once paired, the peer is a device: from its next connection on it gets a device's share and limits.
            closeAfter = true;
        }
        if (parsed.route().equals("PUT /file")) {
            BoxApi.Upload started = api.beginUpload(parsed, peer, length);
            if (started instanceof BoxApi.Upload.Accepted accepted) {
                upload = accepted;
                body = Body.UPLOAD;
                // One piece at a time: the next is read once this one is on disk.
                ctx.channel().config().setAutoRead(false);
            } else {
                body = Body.DISCARD;
                write(ctx, ((BoxApi.Upload.Refused) started).reply());
            }
            return;
        }
        if (length > BoxApi.MAX_JSON) {
            body = Body.DISCARD;
            refuse(ctx, 413, BoxRefusal.TOO_LARGE, "a request body has at most " + BoxApi.MAX_JSON + " bytes", true);
            return;
        }
        body = Body.SMALL;
        small = new ByteArrayOutputStream();
    }

    private void piece(ChannelHandlerContext ctx, HttpContent content) throws IOException {
        boolean last = content instanceof LastHttpContent;
        switch (body) {
            case SMALL -> {
                content.content().readBytes(small, content.content().readableBytes());
                if (last) {
                    Reply reply = api.handle(parsed, peer, small.toByteArray());
                    small = null;
                    write(ctx, reply);
                }
            }
            case UPLOAD -> {
                upload.sink().write(content.content().nioBuffer());
                if (last) {
                    BoxApi.Upload.Accepted done = upload;
                    upload = null;
                    ctx.channel().config().setAutoRead(true);
                    write(ctx, api.finishUpload(done, peer));
                } else {
                    ctx.read();
                }
            }
            case DISCARD, NONE -> {
                // A refused request's body is read and dropped, so the next request starts where it should.
            }
        }
        if (last) {
            body = Body.NONE;
        }
    }

    private void write(ChannelHandlerContext ctx, Reply reply) throws IOException {
        if (reply instanceof Reply.Json json) {
            byte[] bytes = JSON.writeValueAsBytes(json.body());
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(json.status()), Unpooled.wrappedBuffer(bytes));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
            if (closeAfter) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            finish(ctx.writeAndFlush(response));
        } else if (reply instanceof Reply.FileSlice slice) {
            FileChannel file = FileChannel.open(slice.file(), StandardOpenOption.READ);
            HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(slice.status()));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM)
                    .set(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES)
                    .set(HttpHeaderNames.CONTENT_LENGTH, slice.length());
            if (slice.status() == 206) {
                response.headers().set(HttpHeaderNames.CONTENT_RANGE,
                        "bytes " + slice.start() + "-" + (slice.start() + slice.length() - 1) + "/" + slice.size());
            }
            ctx.write(response);
            finish(ctx.writeAndFlush(new HttpChunkedInput(new ChunkedNioFile(file, slice.start(), slice.length(), FILE_CHUNK))));
        } else if (reply instanceof Reply.RangeNotSatisfiable range) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, Unpooled.EMPTY_BUFFER);
            response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + range.size()).setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            finish(ctx.writeAndFlush(response));
        } else {
            stream(ctx);
        }
    }

    /** The change stream: one JSON line per change and a ping now and then, until the device hangs up. */
    private void stream(ChannelHandlerContext ctx) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-ndjson").set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(head);
        Runnable stop = changes.listen(event -> {
            if (ctx.channel().isWritable()) {
                ctx.writeAndFlush(line(event.toString()));
            }
        });
        ScheduledFuture<?> pings = ctx.channel().eventLoop().scheduleAtFixedRate(
                () -> ctx.writeAndFlush(line("{\"type\":\"ping\"}")), EVENT_PING_SECONDS, EVENT_PING_SECONDS, TimeUnit.SECONDS);
        ctx.channel().closeFuture().addListener(closed -> {
            stop.run();
            pings.cancel(false);
        });
    }

    private static HttpContent line(String text) {
        return new DefaultHttpContent(Unpooled.copiedBuffer(text + "\n", java.nio.charset.StandardCharsets.UTF_8));
    }

    private void refuse(ChannelHandlerContext ctx, int status, BoxRefusal reason, String message, boolean close) {
        closeAfter |= close;
        try {
            write(ctx, Reply.refused(status, reason, message));
        } catch (IOException e) {
            ctx.close();
        }
    }

    private void finish(ChannelFuture written) {
        if (closeAfter) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void abandon(String why) {
        if (upload != null) {
            api.abandonUpload(upload, peer, why);
            upload = null;
        }
    }

    /** Idle past the limit for this kind of peer: hang up. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        abandon("the connection closed");
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        abandon(String.valueOf(cause.getMessage()));
        ctx.close();
    }

}
