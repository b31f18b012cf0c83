package org.elastos.frontdoor.box;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.elastos.frontdoor.link.LinkTls;
import org.elastos.frontdoor.wallet.audit.AuditUnavailableException;
import org.elastos.frontdoor.wallet.did.DidKey;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.CertificateException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The box's listener and every connection it holds, direct or relayed, on a few event-loop threads: TLS (the link's
 * DID-pinned certificates) with a deadline for the whole handshake, then the peer sorted by its proven DID into a
 * device or a stranger and counted against {@link BoxLimits}, then HTTP with a deadline per request, an idle limit,
 * and the API on workers of the peer's kind. A connection that breaks a limit is closed; nothing waits on it.
 */
final class BoxServer implements AutoCloseable {
    static final HttpDecoderConfig HTTP_LIMITS = new HttpDecoderConfig()
            .setMaxInitialLineLength(8 * 1024).setMaxHeaderSize(16 * 1024).setMaxChunkSize(64 * 1024);

    private final BoxState state;
    private final BoxLimits limits;
    private final LinkTls tls;
    private final BoxApi api;
    private final ChangeFeed changes;
    private final AuditTrail audit;
    private final PeerGate gate;
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final EventExecutorGroup deviceWork = new DefaultEventExecutorGroup(8);
    private final EventExecutorGroup strangerWork = new DefaultEventExecutorGroup(4);
    private final Map<DidKey, Set<Channel>> open = new ConcurrentHashMap<>();
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel listener;

    BoxServer(BoxState state, BoxLimits limits, LinkTls tls, BoxApi api, ChangeFeed changes, AuditTrail audit) {
        this.state = state;
        this.limits = limits;
        this.tls = tls;
        this.api = api;
        this.changes = changes;
        this.audit = audit;
        this.gate = new PeerGate(limits);
    }

    /** Listens on exactly {@code address}. */
    InetSocketAddress bind(InetSocketAddress address) throws IOException {
        try {
            listener = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            link(channel, ((InetSocketAddress) channel.remoteAddress()).getAddress().getHostAddress(), false);
                        }
                    }).bind(address).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + address, e);
        } catch (RuntimeException e) {
            throw new IOException("cannot listen on " + address + " (" + e.getMessage() + ")", e);
        }
        return (InetSocketAddress) listener.localAddress();
    }

    /** Serves a connection the relay spliced to this box, as if it had been accepted here. */
    void adopt(java.nio.channels.SocketChannel relayed, String origin) {
        NioSocketChannel channel = new NioSocketChannel(relayed);
        channel.config().setTcpNoDelay(true);
        channel.pipeline().addLast(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ready) {
                link(ready, origin, true);
            }
        });
        workers.register(channel);
    }

    private void link(Channel channel, String origin, boolean relayed) {
        connections.add(channel);
        Optional<PeerGate.Refusal> refused = gate.handshakeStarts(origin, relayed);
        if (refused.isPresent()) {
            audit.unknown(origin, "deny", "connection refused: " + refused.get());
            channel.close();
            return;
        }
        SslHandler ssl = new SslHandler(tls.serverEngine());
        ssl.setHandshakeTimeoutMillis(limits.handshakeDeadline().toMillis());
        channel.pipeline().addLast("tls", ssl).addLast("handshake", new Handshake(origin, ssl));
    }

    /** Waits for the TLS handshake, then sorts the peer and sets up the rest of the connection, or closes it. */
    private final class Handshake extends ChannelInboundHandlerAdapter {
        private final String origin;
        private final SslHandler ssl;
        private boolean ended;

        Handshake(String origin, SslHandler ssl) {
            this.origin = origin;
            this.ssl = ssl;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (!(event instanceof SslHandshakeCompletionEvent done)) {
                ctx.fireUserEventTriggered(event);
                return;
            }
            end();
            if (!done.isSuccess()) {
                audit.unknown(origin, "deny", "TLS handshake: " + why(done.cause()));
                ctx.close();
                return;
            }
            try {
                admit(ctx, LinkTls.peerOf(ssl.engine().getSession()));
            } catch (IOException | AuditUnavailableException e) {
                ctx.close();
            }
        }

        private void admit(ChannelHandlerContext ctx, DidKey did) {
            Channel channel = ctx.channel();
            boolean device = state.devices().find(did).isPresent();
            Peer peer = new Peer(did, device, origin);
            Optional<PeerGate.Refusal> refused = gate.admit(did, device, channel);
            if (refused.isPresent()) {
                audit.decided(peer, "deny", "connection refused: " + refused.get(), "connection refused: " + refused.get());
                ctx.close();
                return;
            }
            open.computeIfAbsent(did, key -> ConcurrentHashMap.newKeySet()).add(channel);
            channel.closeFuture().addListener(closed -> {
                Set<Channel> channels = open.get(did);
                if (channels != null) {
                    channels.remove(channel);
                }
            });
            if (state.devices().isRevoked(did)) {
                ctx.close();
                return;
            }
            RequestDeadline deadline = new RequestDeadline(limits.requestDeadline(), BoxApi.MAX_JSON);
            long idle = (device ? limits.deviceIdle() : limits.strangerIdle()).toMillis();
            ctx.pipeline()
                    .addAfter("handshake", "deadline-bytes", deadline.bytes())
                    .addAfter("deadline-bytes", "http", new HttpServerCodec(HTTP_LIMITS))
                    .addAfter("http", "deadline-messages", deadline.messages())
                    .addAfter("deadline-messages", "chunks", new ChunkedWriteHandler())
                    .addAfter("chunks", "idle", new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS))
                    .addLast(device ? deviceWork : strangerWork, "api", new BoxHttp(api, peer, gate, changes));
            ctx.pipeline().remove(this);
        }

        /** A failed handshake was counted where it ended; SslHandler reports its cause here too. */
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!ended) {
                end();
                audit.unknown(origin, "deny", "TLS handshake: closed before it finished");
            }
            ctx.fireChannelInactive();
        }

        private void end() {
            if (!ended) {
                ended = true;
                gate.handshakeEnds(origin);
            }
        }

        private String why(Throwable cause) {
            if (cause instanceof SslHandshakeTimeoutException) {
                return "not finished within " + limits.handshakeDeadline().toSeconds() + " s";
            }
            for (Throwable c = cause; c != null; c = c.getCause()) {
                if (c instanceof CertificateException) {
                    return "certificate refused";
                }
            }
            return "not a TLS 1.3 link handshake";
        }
    }

    /** Closes every connection of {@code device} at once (after its revocation). */
    void disconnect(DidKey device) {
        Set<Channel> channels = open.remove(device);
        if (channels != null) {
            channels.forEach(Channel::close);
        }
    }

    int openConnections(DidKey device) {
        Set<Channel> channels = open.get(device);
        return channels == null ? 0 : (int) channels.stream().filter(Channel::isOpen).count();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().awaitUninterruptibly();
        }
        connections.close().awaitUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        deviceWork.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        strangerWork.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
