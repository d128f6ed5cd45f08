package org.citygrid.demo.drills;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.citygrid.demo.DemoRun;
import org.citygrid.demo.city.EdgeSite;

/**
 * What a fault drill breaks under load, and how it is brought back. Everything else (the services, the sensors'
 * load, the drain and the count) is the same for every drill ({@link FaultDrill}).
 */
public enum Fault {
    /** SIGKILL of the edge node, started again at once on the same data folder (outbox) and ports. */
    EDGE_KILL("edge-kill", "SIGKILL", "the edge node", Duration.ZERO,
            (running, site, timeout) -> running.service(site.name()).kill(),
            (running, site, timeout) -> running.service(site.name()).start(timeout)),
    /**
     * SIGKILL of cloud-backend (the Kafka Streams case cycle and the PostGIS projection in one JVM), started
     * again on the same Streams state directory: its exactly-once transactions and the projection's offsets must
     * make every intake record count once.
     */
    STREAMS_KILL("streams-kill", "SIGKILL", "cloud-backend", Duration.ZERO,
            (running, site, timeout) -> running.service("cloud-backend").kill(),
            (running, site, timeout) -> running.service("cloud-backend").start(timeout)),
    /**
     * SIGKILL of the Kafka broker, kept down for a while, then started on the same data and ports (the builder's
     * fixed port, the same directory): the edge node's outbox must keep what it acknowledged until the broker
     * takes it, and cloud-backend must ride it out without a restart of its own.
     */
    BROKER_RESTART("broker-restart", "SIGKILL", "the Kafka broker", Duration.ofSeconds(10),
            (running, site, timeout) -> running.broker().kill(),
            (running, site, timeout) -> running.broker().start()),
    /**
     * PostgreSQL stopped (fast shutdown: clients cut off), kept away for a while, then started on the same data:
     * the projection must retry and catch up with everything the case cycle wrote meanwhile.
     */
    POSTGIS_AWAY("postgis-away", "stop", "PostgreSQL", Duration.ofSeconds(60),
            (running, site, timeout) -> running.postgis().stop(),
            (running, site, timeout) -> running.postgis().start());

    /** One step of a fault: breaking the piece, or starting it again. */
    @FunctionalInterface
    interface Step {
        void apply(DemoRun.Running running, EdgeSite site, Duration startTimeout);
    }

    private final String drillName;
    private final String how;
    private final String what;
    private final Duration defaultDown;
    private final Step breakIt;
    private final Step bringBack;

    Fault(String drillName, String how, String what, Duration defaultDown, Step breakIt, Step bringBack) {
        this.drillName = drillName;
        this.how = how;
        this.what = what;
        this.defaultDown = defaultDown;
        this.breakIt = breakIt;
        this.bringBack = bringBack;
    }

    /** What the drill breaks, for the console and the table: the edge node by name and node id. */
    String target(EdgeSite site) {
        return this == EDGE_KILL ? site.name() + " (" + site.nodeId() + ")" : what;
    }

    /** What the drill breaks, in general: for its usage. */
    String what() {
        return what;
    }

    void breakIt(DemoRun.Running running, EdgeSite site, Duration startTimeout) {
        breakIt.apply(running, site, startTimeout);
    }

    /** Starts the broken piece again, on the same data and ports, and returns once it is ready. */
    void bringBack(DemoRun.Running running, EdgeSite site, Duration startTimeout) {
        bringBack.apply(running, site, startTimeout);
    }

    /** The name on the command line: {@code ./gridcity drill <name>}. */
    public String drillName() {
        return drillName;
    }

    /** How it is broken, e.g. SIGKILL. */
    public String how() {
        return how;
    }

    /** How long it stays down before it is started again, unless {@code --down} says otherwise. */
    public Duration defaultDown() {
        return defaultDown;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Fault::drillName).toList();
    }

    public static Optional<Fault> named(String name) {
        return Arrays.stream(values()).filter(f -> f.drillName.equals(name)).findFirst();
    }
}
