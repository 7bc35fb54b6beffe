import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.Redactor;
import dev.respawn.recorder.har.Journal;
import dev.respawn.recorder.netty.PipelineRecorder;
import dev.respawn.recorder.netty.handler.NettyPipelineRecorder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * The recorder's CPU cost per exchange on Netty, without sockets or a load generator: one JVM, two
 * embedded channels with Netty's HTTP codec and a handler answering "Hello" (as the examples'
 * /hello), one with the recording handler after the codec, journaling into a real journal. They
 * take turns, ROUNDS rounds of N exchanges each; the figure is the process's CPU time per exchange
 * (all its threads, the journal's and GC's too, but the JIT compiler's) with the recorder minus without, the median of the rounds.
 * With a third argument {@code split}, the codec is a decoder and an encoder apart, as Vert.x has it.
 * Usage: bench/recorder-cost.sh [ROUNDS] [N] [split]
 */
public final class RecorderCost {

    private static final byte[] REQUEST = ("GET /hello HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
            + "User-Agent: wrk\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HELLO = "Hello, world\n".getBytes(StandardCharsets.US_ASCII);

    private static boolean split;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        split = args.length > 2 && args[2].equals("split");
        Path directory = Files.createTempDirectory("recorder-cost");
        Journal journal = Journal.create(directory, ProcessHandle.current().pid(), Clock.systemUTC());
        Recorder recorder = new Recorder(1 << 20, new Redactor(List.of(), false), journal, Clock.systemUTC(),
                ProcessHandle.current().pid());
        EmbeddedChannel plain = channel(null);
        EmbeddedChannel recorded = channel(recorder);
        for (int i = 0; i < 8; i++) { // warm-up: the JIT compiles both paths
            run(plain, n);
            run(recorded, n);
        }
        List<Double> costs = new ArrayList<>();
        List<Double> bases = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean plainFirst = round % 2 == 0;
            double first = cpuPerExchange(plainFirst ? plain : recorded, n);
            double second = cpuPerExchange(plainFirst ? recorded : plain, n);
            double base = plainFirst ? first : second;
            bases.add(base);
            costs.add((plainFirst ? second : first) - base);
        }
        Collections.sort(costs);
        Collections.sort(bases);
        System.out.printf("plain %.2f µs per exchange; the recorder adds %.2f µs (median of %d rounds of %d; quartiles %.2f–%.2f)"
                + "; %d exchanges journaled%n", bases.get(rounds / 2) / 1000, costs.get(rounds / 2) / 1000, rounds, n,
                costs.get(rounds / 4) / 1000, costs.get(3 * rounds / 4) / 1000, journal.entries());
        journal.close();
        Files.deleteIfExists(journal.path());
        Files.deleteIfExists(directory);
    }

    private static double cpuPerExchange(EmbeddedChannel channel, int n) throws IOException {
        long before = cpu();
        run(channel, n);
        return (double) (cpu() - before) / n;
    }

    /** The CPU time of this JVM's threads in ns, its JIT compiler's left out, from /proc (to the ns, not the tick). */
    private static long cpu() throws IOException {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    if (!Files.readString(task.resolve("comm")).contains("Compiler")) {
                        String stat = Files.readString(task.resolve("schedstat"));
                        sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                    }
                } catch (IOException | RuntimeException ended) {
                    // The thread ended meanwhile.
                }
            }
        }
        return sum;
    }

    private static void run(EmbeddedChannel channel, int n) {
        ByteBuf request = Unpooled.wrappedBuffer(REQUEST);
        for (int i = 0; i < n; i++) {
            channel.writeInbound(request.retainedDuplicate());
            for (Object out; (out = channel.readOutbound()) != null; ) {
                ((ByteBuf) out).release();
            }
        }
    }

    private static EmbeddedChannel channel(Recorder recorder) {
        EmbeddedChannel channel = new EmbeddedChannel();
        if (split) {
            HttpRequestDecoder decoder = new HttpRequestDecoder();
            HttpResponseEncoder encoder = new HttpResponseEncoder();
            channel.pipeline().addLast("decoder", decoder).addLast("encoder", encoder);
            if (recorder != null) {
                new NettyPipelineRecorder().codecAdded(channel.pipeline(), decoder, PipelineRecorder.REQUESTS, recorder);
                new NettyPipelineRecorder().codecAdded(channel.pipeline(), encoder, PipelineRecorder.RESPONSES, recorder);
            }
        } else {
            HttpServerCodec codec = new HttpServerCodec();
            channel.pipeline().addLast("codec", codec);
            if (recorder != null) {
                new NettyPipelineRecorder().codecAdded(channel.pipeline(), codec, PipelineRecorder.BOTH, recorder);
            }
        }
        channel.pipeline().addLast(new SimpleChannelInboundHandler<HttpObject>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
                if (msg instanceof LastHttpContent) {
                    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                            Unpooled.wrappedBuffer(HELLO));
                    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain")
                            .setInt(HttpHeaderNames.CONTENT_LENGTH, HELLO.length);
                    ctx.writeAndFlush(response);
                }
            }
        });
        return channel;
    }
}
