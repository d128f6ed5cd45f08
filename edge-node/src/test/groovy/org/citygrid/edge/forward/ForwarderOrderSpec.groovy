package org.citygrid.edge.forward

import java.nio.charset.StandardCharsets
import java.nio.file.Path
import java.time.Clock
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CopyOnWriteArrayList
import java.util.function.Supplier
import org.citygrid.edge.metrics.EdgeMetrics
import org.citygrid.edge.outbox.Outbox
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

/**
 * The forwarder against a sink whose sends fail at once, as a Kafka producer's do when it has no metadata for
 * the topic within max.block.ms: what the edge-cutoff drill's dead uplink causes once the first producer has
 * been replaced. A pass must end at the first such failure.
 */
class ForwarderOrderSpec extends Specification {
    @TempDir
    Path dir
    @AutoCleanup
    Outbox outbox
    @AutoCleanup
    Forwarder forwarder
    @AutoCleanup
    EdgeMetrics metrics = new EdgeMetrics('edge-spec')
    /** The keys every sink accepted, in the order it accepted them: what Kafka would hold. */
    List<String> delivered = new CopyOnWriteArrayList<>()
    /** Sends per sink, one entry per sink the forwarder made. */
    List<Integer> sendsPerSink = new CopyOnWriteArrayList<>()

    def setup() {
        outbox = Outbox.open(dir, 1L << 20, 1L << 30, 30, { 0L })
        outbox.append(['raise', 'clear', 'next'].collect {
            new Outbox.Entry(it, it.getBytes(StandardCharsets.UTF_8))
        })
    }

    def "a send that fails at once ends the pass, so no record reaches the sink ahead of one before it"() {
        given: 'the first sink cannot send its first record, and could send the next ones (the link came back)'
        forward { int sink, int send -> !(sink == 0 && send == 0) }

        expect: 'every record arrives once the forwarder starts again from the cursor, in the outbox order'
        new PollingConditions(timeout: 10).eventually {
            assert outbox.depth() == 0
        }
        delivered == ['raise', 'clear', 'next']
        sendsPerSink[0] == 1
    }

    def "while every send fails at once, each pass tries one record and not the whole batch"() {
        given:
        forward { int sink, int send -> false }

        when:
        new PollingConditions(timeout: 10).eventually {
            assert metrics.forwardFailures() >= 3
        }
        forwarder.close()

        then: 'the close may come between a pass making its sink and its first send: that pass tried nothing'
        sendsPerSink.every { it <= 1 }
        sendsPerSink.count { it == 1 } >= 3
        delivered.empty
        outbox.depth() == 3
    }

    /** Starts a forwarder whose n-th sink accepts its m-th send when {@code accepts(n, m)}, failing it at once if not. */
    private void forward(Closure<Boolean> accepts) {
        Supplier<IntakeSink> sinks = {
            int sink = sendsPerSink.size()
            sendsPerSink << 0
            new IntakeSink() {
                CompletableFuture<Void> send(String key, byte[] value) {
                    int send = sendsPerSink[sink]
                    sendsPerSink[sink] = send + 1
                    if (accepts(sink, send)) {
                        delivered << key
                        return CompletableFuture.completedFuture(null)
                    }
                    CompletableFuture.failedFuture(new IllegalStateException('no metadata for grid.intake'))
                }

                void close() {
                }
            }
        }
        forwarder = new Forwarder(outbox, sinks, metrics, Duration.ofMillis(20), DeadLetters.open(dir.resolve('dead-letters'), 'edge-spec', Clock.systemUTC()), 5)
        forwarder.start()
    }
}
