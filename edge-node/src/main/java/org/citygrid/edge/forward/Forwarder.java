package org.citygrid.edge.forward;

import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>One exception to "wait and retry": a record the sink refuses for a reason of its own
 * ({@link RecordRefusedException}: too large for the topic, say) would fail forever and hold every
 * record behind it. It is sent {@code maxRecordAttempts} times in all, then written to the
 * {@link DeadLetters} file (durably, before the cursor moves past it) and the outbox goes on with
 * the next record. A broker that is away fails every record alike and is waited for without limit.
 */
public final class Forwarder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private static final int BATCH = 500;

    private final Outbox outbox;
    private final Supplier<IntakeSink> sinks;
    private final EdgeMetrics metrics;
    private final Duration backoff;
    private final DeadLetters deadLetters;
    private final int maxRecordAttempts;
    private final Thread thread;
    private volatile boolean running = true;
    /** The offset whose record the sink refused last, and how often in a row. */
    private long refusedOffset = -1;
    private int refusedAttempts;

    /**
     * @param maxRecordAttempts sends of a refused record before it becomes a dead letter (at least 1)
     */
    public Forwarder(Outbox outbox, Supplier<IntakeSink> sinks, EdgeMetrics metrics, Duration backoff,
                     DeadLetters deadLetters, int maxRecordAttempts) {
        this.outbox = outbox;
        this.sinks = sinks;
        this.metrics = metrics;
        this.backoff = backoff;
        this.deadLetters = deadLetters;
        this.maxRecordAttempts = Math.max(1, maxRecordAttempts);
        this.thread = new Thread(this::run, "outbox-forwarder");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** A send that failed, with the record it failed on. */
    private static final class SendFailed extends Exception {
        final OutboxRecord record;

        SendFailed(OutboxRecord record, Throwable cause) {
            super(cause);
            this.record = record;
        }
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
                pass(sink, batch, next);
                if (failing) {
                    failing = false;
                    LOG.atInfo().addKeyValue("event", "forward-resumed").addKeyValue("acknowledged", outbox.acknowledged())
                            .log("forwarding to Kafka again");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                metrics.forwardFailure();
                Throwable cause = e instanceof SendFailed failed ? failed.getCause() : e;
                boolean setAside = e instanceof SendFailed failed && cause instanceof RecordRefusedException
                        && refusedAgain(failed.record, cause);
                if (!failing && !setAside) {
                    LOG.atWarn().addKeyValue("event", "forward-failed").addKeyValue("depth", outbox.depth())
                            .log("cannot forward to Kafka, keeping records in the outbox: {}", cause.toString());
                }
                failing = !setAside;
                if (sink != null) {
                    sink.close();
                    sink = null;
                }
                if (setAside) {
                    continue;
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

    /** Sends one batch and moves the cursor past what was acknowledged; throws at the first failure. */
    private void pass(IntakeSink sink, List<OutboxRecord> batch, long next) throws SendFailed, InterruptedException {
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
        SendFailed failure = null;
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
                ackedUpTo = batch.get(i).offset();
            } catch (ExecutionException e) {
                failure = new SendFailed(batch.get(i), e.getCause() == null ? e : e.getCause());
                break;
            }
        }
        if (ackedUpTo >= next) {
            outbox.acknowledge(ackedUpTo);
            Instant now = Instant.now();
            for (OutboxRecord r : batch) {
                if (r.offset() <= ackedUpTo) {
                    metrics.forwarded(Duration.between(r.appendedAt(), now));
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Counts one more refusal of {@code record}; after the last allowed attempt writes it to the
     * dead letters and moves the cursor past it.
     *
     * @return whether it was set aside (the forwarder goes on at once with the next record)
     */
    private boolean refusedAgain(OutboxRecord record, Throwable reason) {
        if (record.offset() != refusedOffset) {
            refusedOffset = record.offset();
            refusedAttempts = 0;
        }
        refusedAttempts++;
        LOG.atWarn().addKeyValue("event", "record-refused").addKeyValue("offset", record.offset())
                .addKeyValue("key", record.key()).addKeyValue("attempt", refusedAttempts)
                .log("Kafka refused this record: {}", reason.getMessage());
        if (refusedAttempts < maxRecordAttempts) {
            return false;
        }
        try {
            deadLetters.add(record, reason, refusedAttempts);
        } catch (java.io.IOException e) {
            LOG.atError().addKeyValue("event", "dead-letter-failed").addKeyValue("offset", record.offset())
                    .log("cannot write the dead letter, keeping the record in the outbox: {}", e.getMessage());
            return false;
        }
        outbox.acknowledge(record.offset());
        LOG.atError().addKeyValue("event", "dead-letter").addKeyValue("offset", record.offset())
                .addKeyValue("key", record.key()).addKeyValue("attempts", refusedAttempts)
                .addKeyValue("file", deadLetters.file())
                .log("record set aside after {} refusals, forwarding goes on: {}", refusedAttempts, reason.getMessage());
        refusedOffset = -1;
        refusedAttempts = 0;
        return true;
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
