package org.citygrid.bench.casecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends reports to a topology's input topic with the producer settings mobile-api writes intake with (acks=all,
 * idempotent), in one of two ways:
 * <ul>
 *   <li>paced: report i is due at start + i / rate, and the sender parks until then
 *       ({@link LockSupport#parkNanos}, no spinning, so the sender leaves the cores to the topologies); a report that
 *       is late goes at once, and its latency still counts from when it was due, so a slow sender cannot hide a
 *       slow topology;</li>
 *   <li>burst: every report handed to the producer at once, as fast as it takes them.</li>
 * </ul>
 */
final class ReportLoad implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final PatrolReports reports;

    ReportLoad(String bootstrapServers, PatrolReports reports) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-case-cycle-load");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.reports = reports;
    }

    /**
     * What one phase sent, in order.
     *
     * @param intakeIds   each report's intake id
     * @param dueNanos    when each report was due ({@link System#nanoTime}): its schedule when paced, the moment it
     *                    was handed to the producer in a burst
     * @param lateNanos   how late the sender was at worst against the schedule (0 for a burst)
     */
    record Sent(List<String> intakeIds, long[] dueNanos, long lateNanos) {
        int count() {
            return intakeIds.size();
        }

        long firstNanos() {
            return dueNanos[0];
        }

        long lastNanos() {
            return dueNanos[dueNanos.length - 1];
        }
    }

    /** {@code count} reports at {@code rate} per second, each sent when it is due. */
    Sent paced(String topic, double rate, int count) {
        List<String> ids = new ArrayList<>(count);
        long[] due = new long[count];
        long period = Math.round(1e9 / rate);
        long start = System.nanoTime();
        long late = 0;
        for (int i = 0; i < count; i++) {
            due[i] = start + i * period;
            long left;
            while ((left = due[i] - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
            }
            late = Math.max(late, -left);
            ids.add(send(topic));
        }
        producer.flush();
        return new Sent(ids, due, late);
    }

    /** {@code count} reports handed to the producer one after the other, without waiting. */
    Sent burst(String topic, int count) {
        List<String> ids = new ArrayList<>(count);
        long[] handed = new long[count];
        for (int i = 0; i < count; i++) {
            handed[i] = System.nanoTime();
            ids.add(send(topic));
        }
        producer.flush();
        return new Sent(ids, handed, 0);
    }

    private String send(String topic) {
        PatrolReports.Report report = reports.next();
        producer.send(new ProducerRecord<>(topic, report.intakeId(), report.value()), (metadata, error) -> {
            if (error != null) {
                System.err.println("[bench] report " + report.intakeId() + " not written: " + error);
            }
        });
        return report.intakeId();
    }

    @Override
    public void close() {
        producer.close();
    }
}
