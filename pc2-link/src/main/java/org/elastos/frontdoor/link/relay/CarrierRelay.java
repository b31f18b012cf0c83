package org.elastos.frontdoor.link.relay;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import org.elastos.frontdoor.wallet.did.DidKey;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The carrier relay: boxes behind NAT keep a registered control connection here, proven by signing a challenge with
 * their DID; an app asks for a box by DID, and the relay splices its connection to a fresh one from the box. TLS
 * runs end to end through the splice, so the relay carries only ciphertext.
 *
 * <p>It runs on a few event-loop threads however many connections it holds. Every connection must say what it wants
 * within {@link RelayLimits#GREETING_DEADLINE}; {@link RelayLimits} bounds what one address and one box may hold, so
 * no client can take a box's whole share; beacons for typed codes come only from registered boxes, one each.
 */
public final class CarrierRelay implements AutoCloseable {
    private static final int MAX_LINE = 4096;
    private static final long PING_EVERY_SECONDS = 15;
    private static final int CONTROL_SILENCE_SECONDS = 45;
    private static final long BOX_ANSWER_SECONDS = 10;

    private final RelayLimits limits;
    private final BiConsumer<Boolean, byte[]> tap;
    private final SecureRandom random = new SecureRandom();
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final RelayLedger ledger;
    private final RelayBeacons beacons;
    private final Map<DidKey, Registered> boxes = new ConcurrentHashMap<>();

    /** A registered box: its control connection, and the hashes of the passes its devices may show. */
    private record Registered(Channel control, Set<String> passes) {
        static final int MAX_PASSES = 1024;
    }
    private final Map<String, RelaySplice.Pending> pending = new ConcurrentHashMap<>();
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel listener;
    private ScheduledFuture<?> pinger;

    private CarrierRelay(RelayLimits limits, BiConsumer<Boolean, byte[]> tap) {
        this.limits = limits;
        this.tap = tap;
        this.ledger = new RelayLedger(limits);
        this.beacons = new RelayBeacons();
    }

    public static CarrierRelay start(InetSocketAddress listen, RelayLimits limits) throws IOException {
        return start(listen, limits, null);
    }

    /**
     * @param tap sees every spliced byte ({@code true} for app to box), or null; tests use it to show the relay
     *     carries only ciphertext
     */
    public static CarrierRelay start(InetSocketAddress listen, RelayLimits limits, BiConsumer<Boolean, byte[]> tap)
            throws IOException {
        CarrierRelay relay = new CarrierRelay(limits, tap);
        try {
            relay.listener = new ServerBootstrap().group(relay.boss, relay.workers).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            relay.greet(channel);
                        }
                    }).bind(listen).sync().channel();
        } catch (InterruptedException e) {
            relay.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + listen, e);
        } catch (RuntimeException e) {
            relay.close();
            throw new IOException("cannot listen on " + listen + " (" + e.getMessage() + ")", e);
        }
        relay.pinger = relay.workers.next().scheduleAtFixedRate(relay::ping, PING_EVERY_SECONDS, PING_EVERY_SECONDS, TimeUnit.SECONDS);
        return relay;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public boolean isRegistered(DidKey box) {
        return boxes.containsKey(box);
    }

    /** How many beacons the relay keeps now (one at most per registered box). */
    public int beaconCount() {
        return beacons.size();
    }

    private void greet(SocketChannel channel) {
        connections.add(channel);
        InetAddress from = channel.remoteAddress().getAddress();
        if (!ledger.greetingStarts(from, channel)) {
            channel.writeAndFlush(line("ERROR too many connections from this address")).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        channel.closeFuture().addListener(closed -> ledger.greetingEnds(from, channel));
        channel.pipeline()
                .addLast("lines", new LineBasedFrameDecoder(MAX_LINE, true, true))
                .addLast("text", new StringDecoder(StandardCharsets.US_ASCII))
                .addLast("greeting", new Greeting(channel.eventLoop().schedule(() -> {
                    if (ledger.stillGreeting(channel)) {
                        channel.close();
                    }
                }, RelayLimits.GREETING_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)));
    }

    /** The handful of words before a connection becomes a control line, a beacon, a lookup or a splice. */
    private final class Greeting extends SimpleChannelInboundHandler<String> {
        private final ScheduledFuture<?> deadline;
        private RelayLine claimed;
        private byte[] challenge;
        private DidKey proven;

        Greeting(ScheduledFuture<?> deadline) {
            this.deadline = deadline;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String text) {
            Channel channel = ctx.channel();
            RelayLine line = RelayLine.parse(text);
            if (line instanceof RelayLine.Unreadable unreadable) {
                refuse(channel, unreadable.why());
            } else if (proven != null && claimed instanceof RelayLine.Beacon) {
                publish(channel, line);
            } else if (challenge != null) {
                prove(channel, line);
            } else if (line instanceof RelayLine.Box || line instanceof RelayLine.Beacon) {
                claimed = line;
                challenge = new byte[32];
                random.nextBytes(challenge);
                channel.writeAndFlush(line("CHALLENGE " + Base64.getUrlEncoder().withoutPadding().encodeToString(challenge)));
            } else if (line instanceof RelayLine.Lookup lookup) {
                lookUp(channel, lookup);
            } else if (line instanceof RelayLine.Connect connect) {
                connect(channel, connect.box(), connect.pass());
            } else if (line instanceof RelayLine.Accept accept) {
                accept(channel, accept.session());
            } else {
                refuse(channel, "unexpected " + line.getClass().getSimpleName().toUpperCase());
            }
        }

        private void prove(Channel channel, RelayLine line) {
            DidKey did = claimed instanceof RelayLine.Box box ? box.did() : ((RelayLine.Beacon) claimed).did();
            if (!(line instanceof RelayLine.Signature signature)
                    || !did.verifies(RelayProtocol.registrationMessage(challenge), signature.bytes())) {
                refuse(channel, "the signature does not prove " + did);
                return;
            }
            challenge = null;
            proven = did;
            if (claimed instanceof RelayLine.Box) {
                register(channel, did);
            } else if (!boxes.containsKey(did)) {
                refuse(channel, "only a box registered here may leave a beacon; register first");
            } else {
                channel.writeAndFlush(line("OK"));
            }
        }

        private void publish(Channel channel, RelayLine line) {
            if (!(line instanceof RelayLine.Publish publish)) {
                refuse(channel, "expected PUBLISH lookup-id beacon");
                return;
            }
            if (!boxes.containsKey(proven)) {
                refuse(channel, "only a box registered here may leave a beacon; register first");
                return;
            }
            beacons.keep(proven, publish.lookupId(), publish.beacon());
            done(channel, "OK");
        }

        private void register(Channel channel, DidKey did) {
            InetAddress from = ((InetSocketAddress) channel.remoteAddress()).getAddress();
            if (!ledger.boxRegisters(from, channel)) {
                refuse(channel, "too many boxes registered from this address");
                return;
            }
            deadline.cancel(false);
            ledger.greetingEnds(from, channel);
            Registered registered = new Registered(channel, ConcurrentHashMap.newKeySet());
            Registered replaced = boxes.put(did, registered);
            if (replaced != null && replaced.control() != channel) {
                replaced.control().close();
            }
            channel.closeFuture().addListener(closed -> {
                if (boxes.remove(did, registered)) {
                    beacons.forget(did);
                }
            });
            channel.pipeline().addBefore("lines", "silence", new IdleStateHandler(CONTROL_SILENCE_SECONDS, 0, 0));
            channel.pipeline().replace(this, "control", new ControlLine(registered.passes()));
            channel.writeAndFlush(line("OK"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                refuse(ctx.channel(), "a relay line is at most " + MAX_LINE + " bytes");
            } else {
                ctx.close();
            }
        }
    }

    /**
     * A registered box's line: PASS and UNPASS name its devices' passes; PONGs keep it; silence past the limit ends
     * it (the box then rejoins and names its passes again).
     */
    private static final class ControlLine extends SimpleChannelInboundHandler<String> {
        private final Set<String> passes;

        ControlLine(Set<String> passes) {
            this.passes = passes;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String text) {
            RelayLine line = RelayLine.parse(text);
            if (line instanceof RelayLine.Pass pass && passes.size() < Registered.MAX_PASSES) {
                passes.add(pass.hash());
            } else if (line instanceof RelayLine.Unpass unpass) {
                passes.remove(unpass.hash());
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private void lookUp(Channel channel, RelayLine.Lookup lookup) {
        InetAddress from = ((InetSocketAddress) channel.remoteAddress()).getAddress();
        if (!ledger.mayLookUp(from)) {
            refuse(channel, "too many code lookups from this address; wait a minute");
            return;
        }
        beacons.find(lookup.lookupId()).ifPresentOrElse(beacon -> done(channel, "FOUND " + beacon),
                () -> refuse(channel, "no box is waiting with that code here; check the code, or make a fresh one on the box"));
    }

    private void connect(Channel app, DidKey did, Optional<String> pass) {
        Registered box = boxes.get(did);
        if (box == null) {
            refuse(app, "box " + did.fingerprint() + " is not connected to this relay");
            return;
        }
        Channel control = box.control();
        Optional<String> passHash = pass.map(RelayProtocol::passHash).filter(box.passes()::contains);
        InetAddress from = ((InetSocketAddress) app.remoteAddress()).getAddress();
        RelayLedger.Refusal refusal = ledger.sessionStarts(from, did, app, passHash);
        if (refusal != null) {
            refuse(app, switch (refusal) {
                case CLIENT -> "too many connections from this address";
                case CLIENT_TO_BOX -> "too many connections from this address to box " + did.fingerprint();
                case BOX -> "box " + did.fingerprint() + " has too many connections through this relay";
            });
            return;
        }
        app.config().setAutoRead(false);
        byte[] id = new byte[16];
        random.nextBytes(id);
        String session = HexFormat.of().formatHex(id);
        ScheduledFuture<?> giveUp = app.eventLoop().schedule(() -> {
            if (pending.remove(session) != null) {
                refuse(app, "the box did not take the connection");
            }
        }, BOX_ANSWER_SECONDS, TimeUnit.SECONDS);
        pending.put(session, new RelaySplice.Pending(app, giveUp));
        ledger.greetingEnds(from, app);
        control.writeAndFlush(line("INCOMING " + session));
    }

    private void accept(Channel fromBox, String session) {
        RelaySplice.Pending waiting = pending.remove(session);
        if (waiting == null) {
            fromBox.close();
            return;
        }
        waiting.giveUp().cancel(false);
        ledger.greetingEnds(((InetSocketAddress) fromBox.remoteAddress()).getAddress(), fromBox);
        Channel app = waiting.app();
        app.writeAndFlush(line("OK")).addListener(sent -> {
            if (!sent.isSuccess()) {
                fromBox.close();
                return;
            }
            RelaySplice.join(app, fromBox, limits, tap);
        });
    }

    private void ping() {
        boxes.values().forEach(box -> box.control().writeAndFlush(line("PING")));
    }

    private static io.netty.buffer.ByteBuf line(String text) {
        return io.netty.buffer.Unpooled.copiedBuffer(text + "\n", StandardCharsets.US_ASCII);
    }

    private static void refuse(Channel channel, String why) {
        done(channel, "ERROR " + why);
    }

    private static void done(Channel channel, String last) {
        channel.writeAndFlush(line(last)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void close() {
        if (pinger != null) {
            pinger.cancel(false);
        }
        if (listener != null) {
            listener.close().awaitUninterruptibly();
        }
        connections.close().awaitUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
