package org.citygrid.demo.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.citygrid.demo.city.DemoDevice;
import org.citygrid.demo.city.EdgeSites;
import org.eclipse.californium.core.coap.CoAP;

/**
 * Every sensor of the given edge nodes, each posting readings on its own schedule so that together they send
 * the requested rate. The first sensor of each edge node starts an alarm episode at once, so that a fresh demo
 * shows a case within a minute instead of whenever chance has it.
 */
public final class SensorFleet implements AutoCloseable {
    private final SimulatorOptions options;
    private final PrintStream out;
    private final Clock clock;
    private final Random random = new Random();
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(4, daemon("sensor-tick"));
    private final ScheduledExecutorService coapMain = Executors.newScheduledThreadPool(2, daemon("coap"));
    private final ScheduledExecutorService coapSecondary = Executors.newScheduledThreadPool(1, daemon("coap-timer"));
    private final List<SimulatedSensor> sensors = new ArrayList<>();
    private final List<PatrolDevice> patrols = new ArrayList<>();
    private final AtomicLong patrolReports = new AtomicLong();
    private final AtomicLong patrolFailures = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final java.util.Set<String> refusalsLogged = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public SensorFleet(SimulatorOptions options, PrintStream out, Clock clock) {
        this.options = options;
        this.out = out;
        this.clock = clock;
    }

    /**
     * Connects every sensor to its edge node and learns its rule.
     *
     * @throws SimulatorException when a registry cannot be read or an edge node does not accept a sensor
     */
    public SensorFleet connect() {
        CoapDevices devices = new CoapDevices(coapMain, coapSecondary);
        for (SimulatorOptions.Edge edge : options.edges()) {
            boolean dtls = edge.uri().startsWith("coaps://");
            boolean first = true;
            List<DemoDevice> registry = EdgeSites.readDevices(edge.devicesFile());
            List<org.citygrid.model.geo.GeoPoint> places = registry.stream().filter(DemoDevice::isSensor)
                    .map(DemoDevice::position).toList();
            for (DemoDevice device : registry) {
                if (device.revoked()) {
                    continue;
                }
                if (!device.isSensor()) {
                    if (!places.isEmpty() && options.patrolEvery() != null) {
                        try {
                            patrols.add(new PatrolDevice(device.id(), edge.uri(),
                                    devices.endpoint(dtls, device.pskIdentity(), device.key()), places, null));
                        } catch (IOException e) {
                            throw new SimulatorException("cannot open a CoAP endpoint for device " + device.id() + ": " + e, e);
                        }
                    }
                    continue;
                }
                try {
                    SimulatedSensor sensor = new SimulatedSensor(device.id(), edge.uri(),
                            devices.endpoint(dtls, device.pskIdentity(), device.key()));
                    sensors.add(sensor);
                    SensorBehaviour behaviour = new SensorBehaviour(sensor.fetchThreshold(), options.alarmChance(),
                            options.hold(), new Random(random.nextLong()));
                    if (first) {
                        behaviour.startEpisode();
                        first = false;
                    }
                    sensor.behaveAs(behaviour);
                } catch (IOException e) {
                    throw new SimulatorException("cannot open a CoAP endpoint for device " + device.id() + ": " + e, e);
                }
            }
        }
        if (sensors.isEmpty()) {
            throw new SimulatorException("the registry files name no sensors: nothing to simulate");
        }
        return this;
    }

    /** Starts every sensor's schedule. */
    public void start() {
        long periodMillis = Math.max(1, Math.round(sensors.size() * 1000 / options.readingsPerSecond()));
        for (SimulatedSensor sensor : sensors) {
            ticks.scheduleWithFixedDelay(() -> post(sensor), random.nextLong(periodMillis), periodMillis,
                    TimeUnit.MILLISECONDS);
        }
        for (PatrolDevice patrol : patrols) {
            long every = options.patrolEvery().toMillis();
            ticks.scheduleWithFixedDelay(() -> patrol(patrol), random.nextLong(every), every, TimeUnit.MILLISECONDS);
        }
        ticks.scheduleAtFixedRate(this::report, 10, 10, TimeUnit.SECONDS);
    }

    private void patrol(PatrolDevice patrol) {
        try {
            CoAP.ResponseCode code;
            synchronized (patrol) {
                code = patrol.report(random);
            }
            if (code != null && code.isSuccess()) {
                patrolReports.incrementAndGet();
            } else {
                patrolFailures.incrementAndGet();
                out.println("patrol report of " + patrol.deviceId() + " not accepted: " + code);
            }
        } catch (RuntimeException e) {
            out.println("patrol device " + patrol.deviceId() + " failed: " + e);
        }
    }

    public int size() {
        return sensors.size();
    }

    /** One line of counters, as printed every ten seconds. */
    public String counters() {
        int started = 0;
        int cleared = 0;
        for (SimulatedSensor sensor : sensors) {
            started += sensor.behaviour().episodesStarted();
            cleared += sensor.behaviour().episodesCleared();
        }
        return "readings sent " + sent + " (accepted " + accepted + ", refused " + refused + ", unanswered "
                + unanswered + "), alarm episodes started " + started + ", cleared " + cleared + "; patrol reports "
                + patrolReports + " (not accepted " + patrolFailures + ")";
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        sensors.forEach(SimulatedSensor::close);
        patrols.forEach(PatrolDevice::close);
        coapMain.shutdownNow();
        coapSecondary.shutdownNow();
    }

    private void post(SimulatedSensor sensor) {
        try {
            CoAP.ResponseCode code;
            // one reading at a time per sensor: its episode state is not shared between ticks
            synchronized (sensor) {
                code = sensor.postNext(clock.instant());
            }
            sent.incrementAndGet();
            if (code == null) {
                unanswered.incrementAndGet();
            } else if (code.isSuccess()) {
                accepted.incrementAndGet();
            } else {
                refused.incrementAndGet();
                // once per sensor: a rule that refuses its values refuses every one, and the counters show the rest
                if (refusalsLogged.add(sensor.deviceId())) {
                    out.println("refused: " + sensor.deviceId() + " got " + code + " (further refusals only counted)");
                }
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log and keep the sensor alive
            out.println("sensor " + sensor.deviceId() + " failed: " + e);
        }
    }

    private void report() {
        out.println("sensors: " + counters());
        out.flush();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name + "-", 0).daemon().factory();
    }
}
