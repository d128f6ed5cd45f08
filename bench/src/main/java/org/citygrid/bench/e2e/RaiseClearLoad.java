package org.citygrid.bench.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.citygrid.demo.DemoException;
import org.citygrid.demo.Schedule;
import org.citygrid.demo.city.DemoDevice;
import org.citygrid.demo.simulator.SensorSessions;
import org.citygrid.demo.simulator.SimulatedSensor;
import org.citygrid.demo.simulator.Threshold;
import org.eclipse.californium.core.coap.CoAP;

/**
 * The benchmark's sensors: each raises an alarm and clears it half a period later, over its own DTLS session,
 * so that every reading is an alarm edge and every raise a new episode, i.e. a new case. The rules have a
 * debounce of one reading, so the sensor knows which episode number the node gives each raise (they count up
 * per device from 1 on a fresh data folder) and so which intake id ({@code <node>:<device>:ep-<n>:RAISED}) to
 * look for downstream.
 *
 * <p>Open loop: each sensor has its slot in the period and keeps to it; a sensor whose answer comes late sends
 * its next raise at once, late, and the step's achieved rate shows it. A reading without an answer is resent
 * unchanged over a new session until it is acknowledged, as firmware that must not lose an alarm would.
 */
final class RaiseClearLoad implements AutoCloseable {
    private static final long ANSWER_TIMEOUT_MILLIS = 5_000;
    private static final int CONNECTING_AT_ONCE = 8;

    private final String nodeId;
    private final SensorSessions sessions;
    private final List<Sensor> sensors = new ArrayList<>();
    private final Random random = new Random();
    /** The first failure of a sensor thread, rethrown by {@link #run} on the caller's thread. */
    private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failed =
            new java.util.concurrent.atomic.AtomicReference<>();

    RaiseClearLoad(String nodeId, String edgeUri, List<DemoDevice> devices, int count) {
        this.nodeId = nodeId;
        this.sessions = new SensorSessions(edgeUri, "bench");
        List<DemoDevice> usable = devices.stream().filter(DemoDevice::isSensor).filter(d -> !d.revoked())
                .limit(count).toList();
        if (usable.isEmpty()) {
            throw new DemoException("the edge node's registry has no sensors to load it with");
        }
        for (DemoDevice device : usable) {
            sensors.add(new Sensor(device));
        }
    }

    /** What one step sent: the time of each raise's first send, by the intake id it became. */
    record StepLoad(Map<String, Long> raiseSentNanos, long edgesAcknowledged, long unanswered, long startNanos,
                    long endNanos) {
    }

    /**
     * Fetches each sensor's rule (the first request also makes the DTLS handshake), a few sensors at a time: one
     * after the other, a thousand handshakes on a busy machine take minutes.
     */
    RaiseClearLoad connect() throws InterruptedException {
        try (var pool = Executors.newFixedThreadPool(CONNECTING_AT_ONCE, daemon("bench-connect"))) {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (Sensor sensor : sensors) {
                done.add(pool.submit(() -> {
                    sensor.rule = sensor.session.fetchThreshold();
                }));
            }
            for (var f : done) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new DemoException("a sensor could not connect: " + e.getCause(), e.getCause());
        }
        for (Sensor sensor : sensors) {
            if (sensor.rule.debounce() != 1 || sensor.rule.minDurationSeconds() != 0) {
                throw new DemoException("the benchmark needs alarm rules with debounce 1 and minDurationSeconds 0 (it"
                        + " derives each raise's intake id from the episode count); " + sensor.device.sensorType()
                        + " has debounce " + sensor.rule.debounce());
            }
        }
        return this;
    }

    int sensors() {
        return sensors.size();
    }

    /**
     * Offers {@code raisesPerSecond} (each with its clear half a period later) for {@code length}, and returns what
     * was sent.
     */
    StepLoad run(double raisesPerSecond, Duration length) throws InterruptedException {
        return run(raisesPerSecond, length, null);
    }

    /**
     * Like {@link #run(double, Duration)}, with each clear at most {@code clearAfter} after its raise (null: half a
     * period). The scaling part caps it: with a thousand sensors at 20 raises/s the period is 50 s, and clears that
     * late would stretch the step and charge its CPU figures with idle time the smaller rows do not have.
     */
    StepLoad run(double raisesPerSecond, Duration length, Duration clearAfter) throws InterruptedException {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        AtomicLong edges = new AtomicLong();
        AtomicLong unanswered = new AtomicLong();
        long periodNanos = Math.round(sensors.size() * 1e9 / raisesPerSecond);
        long clearNanos = clearAfter == null ? periodNanos / 2 : Math.min(periodNanos / 2, clearAfter.toNanos());
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (Sensor sensor : sensors) {
            long offset = (long) (random.nextDouble() * periodNanos);
            threads.add(Thread.ofPlatform().daemon().name("bench-sensor-" + sensor.device.id()).start(() ->
                    sensor.cycle(start + offset, periodNanos, clearNanos, end, sent, edges, unanswered)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        RuntimeException failure = failed.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        return new StepLoad(Map.copyOf(sent), edges.get(), unanswered.get(), start, System.nanoTime());
    }

    @Override
    public void close() {
        sensors.forEach(s -> s.session.close());
        sessions.close();
    }

    private final class Sensor {
        final DemoDevice device;
        SimulatedSensor session;
        Threshold rule;
        /** Episodes the node has opened for this device: acknowledged raises, with a debounce of one. */
        int episodes;

        Sensor(DemoDevice device) {
            this.device = device;
            this.session = sessions.open(device);
        }

        void cycle(long first, long period, long clearAfter, long end, Map<String, Long> sent, AtomicLong edges,
                   AtomicLong unanswered) {
            try {
                for (long slot = first; slot < end; slot += period) {
                    Schedule.sleepUntil(slot);
                    long raisedAt = System.nanoTime();
                    deliver(rule.alarmValue(random), unanswered);
                    edges.incrementAndGet();
                    episodes++;
                    sent.put(nodeId + ":" + device.id() + ":ep-" + episodes + ":RAISED", raisedAt);
                    Schedule.sleepUntil(slot + clearAfter);
                    deliver(rule.normalValue(random), unanswered);
                    edges.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // closed: the benchmark is over
            } catch (RuntimeException e) {
                failed.compareAndSet(null, e);
            }
        }

        /** Sends one reading until the node acknowledges it. */
        private void deliver(double value, AtomicLong unanswered) throws InterruptedException {
            Instant at = Instant.now();
            while (true) {
                CoAP.ResponseCode code = session.post(value, at, rule, ANSWER_TIMEOUT_MILLIS);
                if (code == CoAP.ResponseCode.CHANGED) {
                    return;
                }
                if (code != null && code != CoAP.ResponseCode.SERVICE_UNAVAILABLE) {
                    throw new DemoException("edge node refused a reading of " + device.id() + ": " + code);
                }
                unanswered.incrementAndGet();
                if (code == null) {
                    session.close();
                    session = sessions.open(device);
                }
                Thread.sleep(200);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name + "-", 0).daemon().factory();
    }
}
