package org.citygrid.demo.drills;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.citygrid.demo.DemoException;
import org.citygrid.demo.city.DemoDevice;
import org.citygrid.demo.simulator.SensorBehaviour;
import org.citygrid.demo.simulator.SensorSessions;
import org.citygrid.demo.simulator.SimulatedSensor;
import org.citygrid.demo.simulator.Threshold;
import org.eclipse.californium.core.coap.CoAP;

/**
 * A steady load of the simulator's sensors on one edge node over DTLS, each with its own PSK session, raising
 * and clearing alarm episodes ({@link SensorBehaviour}). Unlike the demo's simulator, a sensor here behaves like
 * firmware that must not lose an alarm: a reading the node did not acknowledge is sent again, same value and
 * same time, over a new DTLS session (a restarted node has forgotten the old one), until it is acknowledged.
 * Every acknowledged reading that completed an edge is recorded.
 */
final class AlarmLoad implements AutoCloseable {
    /** How long a sensor waits for an answer before it resends over a new session. */
    private static final long ANSWER_TIMEOUT_MILLIS = 5_000;
    /** After {@link #stop}, how long a sensor may keep resending its last unacknowledged reading. */
    private static final Duration FINISH_GRACE = Duration.ofSeconds(60);

    private final EdgeMirror mirror;
    private final SensorSessions sessions;
    private final List<DemoDevice> devices;
    private final double readingsPerSecond;
    private final double alarmChance;
    private final Duration hold;
    private final Random random = new Random();
    private final List<Sensor> sensors = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<AcknowledgedEdge> edges = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private volatile boolean running;
    private volatile Instant finishBy = Instant.MAX;

    AlarmLoad(String nodeId, String edgeUri, List<DemoDevice> devices, double readingsPerSecond, double alarmChance,
              Duration hold) {
        this.mirror = new EdgeMirror(nodeId);
        this.sessions = new SensorSessions(edgeUri, "drill");
        this.devices = devices.stream().filter(DemoDevice::isSensor).filter(d -> !d.revoked()).toList();
        this.readingsPerSecond = readingsPerSecond;
        this.alarmChance = alarmChance;
        this.hold = hold;
    }

    /** One DTLS session per sensor; each asks the node for its rule. */
    AlarmLoad connect() {
        if (devices.isEmpty()) {
            throw new DemoException("the edge node's registry has no sensors to load it with");
        }
        for (DemoDevice device : devices) {
            Sensor sensor = new Sensor(device);
            Threshold rule = sensor.session.fetchThreshold();
            if (rule.debounce() != 1 || rule.minDurationSeconds() != 0) {
                throw new DemoException("the drill needs alarm rules with debounce 1 and minDurationSeconds 0 (it"
                        + " tells the acknowledged edges from the acknowledged readings); " + device.sensorType()
                        + " has debounce " + rule.debounce() + ", minDurationSeconds " + rule.minDurationSeconds());
            }
            sensor.behaviour = new SensorBehaviour(rule, alarmChance, hold, new Random(random.nextLong()));
            sensors.add(sensor);
        }
        sensors.getFirst().behaviour.startEpisode(); // an alarm in the first second, whatever the chance says
        return this;
    }

    void start() {
        running = true;
        long periodMillis = Math.max(1, Math.round(sensors.size() * 1000 / readingsPerSecond));
        for (Sensor sensor : sensors) {
            long offset = random.nextLong(periodMillis);
            Thread thread = Thread.ofPlatform().daemon().name("drill-sensor-" + sensor.device.id())
                    .start(() -> sensor.run(offset, periodMillis));
            threads.add(thread);
        }
    }

    /**
     * No new readings; each sensor still resends its last one until it is acknowledged (at most a minute), so
     * that at the end every reading was either acknowledged or counted as abandoned.
     */
    void stop() throws InterruptedException {
        finishBy = Instant.now().plus(FINISH_GRACE);
        running = false;
        for (Thread thread : threads) {
            thread.join(FINISH_GRACE.toMillis() + 2 * ANSWER_TIMEOUT_MILLIS);
        }
    }

    /**
     * Every sensor that is not in an episode starts one with its next reading: called after the restart, so that
     * the new process gets raises (and, after the hold, clears) of its own, not only whatever chance brings.
     */
    void startEpisodes() {
        for (Sensor sensor : sensors) {
            synchronized (sensor) {
                sensor.behaviour.startEpisode();
            }
        }
    }

    List<AcknowledgedEdge> edges() {
        return List.copyOf(edges);
    }

    int sensors() {
        return sensors.size();
    }

    long sent() {
        return sent.get();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long unanswered() {
        return unanswered.get();
    }

    long refused() {
        return refused.get();
    }

    long abandoned() {
        return abandoned.get();
    }

    @Override
    public void close() {
        running = false;
        finishBy = Instant.MIN;
        threads.forEach(Thread::interrupt);
        sensors.forEach(s -> s.session.close());
        sessions.close();
    }

    private final class Sensor {
        final DemoDevice device;
        SimulatedSensor session;
        SensorBehaviour behaviour;

        Sensor(DemoDevice device) {
            this.device = device;
            this.session = sessions.open(device);
        }

        void run(long offsetMillis, long periodMillis) {
            try {
                Thread.sleep(offsetMillis);
                while (running) {
                    Instant at = Instant.now();
                    double value;
                    synchronized (this) { // startEpisodes() moves the behaviour on from another thread
                        value = behaviour.next(at);
                    }
                    sent.incrementAndGet();
                    deliver(value, at);
                    Thread.sleep(periodMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // closed: the drill is over
            }
        }

        /** Sends one reading until the node acknowledges or refuses it. */
        private void deliver(double value, Instant at) throws InterruptedException {
            Threshold rule = behaviour.threshold();
            while (true) {
                CoAP.ResponseCode code = session.post(value, at, rule, ANSWER_TIMEOUT_MILLIS);
                if (code == CoAP.ResponseCode.CHANGED) {
                    acknowledged.incrementAndGet();
                    mirror.acknowledged(device.id(), rule, value, Instant.now()).ifPresent(edges::add);
                    return;
                }
                if (code != null && code != CoAP.ResponseCode.SERVICE_UNAVAILABLE) {
                    refused.incrementAndGet(); // a refused pack changes nothing at the node: nothing to resend
                    return;
                }
                if (Instant.now().isAfter(finishBy)) {
                    abandoned.incrementAndGet();
                    return;
                }
                if (code == null) {
                    // no answer: the node is down or restarted and no longer knows this DTLS session
                    unanswered.incrementAndGet();
                    session.close();
                    session = sessions.open(device);
                }
                Thread.sleep(500);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name + "-", 0).daemon().factory();
    }
}
