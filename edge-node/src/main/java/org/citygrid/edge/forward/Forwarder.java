package org.citygrid.edge.forward;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.citygrid.edge.metrics.EdgeMetrics;
import org.citygrid.edge.outbox.Outbox;
import org.citygrid.edge.outbox.OutboxRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the intake topic in order and moves the outbox cursor only past records the
 * sink acknowledged. On any failure it starts again from the cursor with a fresh sink after a
 * pause: records after the failed one may then arrive twice, which downstream dedup by intake id
 * absorbs; none is ever skipped.
 */
public final class Forwarder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private static final int BATCH = 500;

    private final Outbox outbox;
    private final Supplier<IntakeSink> sinks;
    private final EdgeMetrics metrics;
    private final Duration backoff;
    private final Thread thread;
    private volatile boolean running = true;

    public Forwarder(Outbox outbox, Supplier<IntakeSink> sinks, EdgeMetrics metrics, Duration backoff) {
        this.outbox = outbox;
        this.sinks = sinks;
        this.metrics = metrics;
        this.backoff = backoff;
        this.thread = new Thread(this::run, "outbox-forwarder");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        IntakeSink sink = null;
        boolean failing = false;
        while (running) {
            try {
                if (sink == null) {
                    sink = sinks.get();
                }
                long next = outbox.acknowledged() + 1;
                List<OutboxRecord> batch = outbox.read(next, BATCH);
                if (batch.isEmpty()) {
                    outbox.awaitDurable(next, Duration.ofMillis(200));
                    continue;
                }
                List<CompletableFuture<Void>> sent = new ArrayList<>(batch.size());
                for (OutboxRecord r : batch) {
                    CompletableFuture<Void> send = sink.send(r.key(), r.value());
                    sent.add(send);
                    if (send.isCompletedExceptionally()) {
                        // Failed at once: a producer that cannot reach the cluster fails each send only after
                        // max.block.ms without metadata. Sending on would cost that per record of the batch, and
                        // once the cluster is back the later records would reach Kafka ahead of this one (a clear
                        // before its raise). The pass ends here; the next starts again from this record.
                        break;
                    }
                }
                long ackedUpTo = next - 1;
                Exception failure = null;
                for (int i = 0; i < sent.size(); i++) {
                    try {
                        sent.get(i).get();
                        ackedUpTo = batch.get(i).offset();
                    } catch (ExecutionException e) {
                        failure = e.getCause() instanceof Exception ex ? ex : e;
                        break;
                    }
                }
                if (ackedUpTo >= next) {
                    outbox.acknowledge(ackedUpTo);
                    metrics.forwarded.add(ackedUpTo - next + 1);
                }
                if (failure != null) {
                    throw failure;
                }
                if (failing) {
                    failing = false;
                    LOG.atInfo().addKeyValue("event", "forward-resumed").addKeyValue("acknowledged", ackedUpTo)
                            .log("forwarding to Kafka again");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                metrics.forwardFailures.increment();
                if (!failing) {
                    LOG.atWarn().addKeyValue("event", "forward-failed").addKeyValue("depth", outbox.depth())
                            .log("cannot forward to Kafka, keeping records in the outbox: {}", e.toString());
                }
                failing = true;
                if (sink != null) {
                    sink.close();
                    sink = null;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    break;
                }
            }
        }
        if (sink != null) {
            sink.close();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
