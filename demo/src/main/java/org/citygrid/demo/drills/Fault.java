package org.citygrid.demo.drills;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.citygrid.demo.city.EdgeSite;

/**
 * What a fault drill breaks under load, and how it is brought back. Everything else (the services, the sensors'
 * load, the drain and the count) is the same for every drill ({@link FaultDrill}).
 */
public enum Fault {
    /** SIGKILL of the edge node, started again at once on the same data folder (outbox) and ports. */
    EDGE_KILL("edge-kill", "SIGKILL", "the edge node", Duration.ZERO,
            rig -> rig.running().service(rig.site().name()).kill(),
            rig -> rig.running().service(rig.site().name()).start(rig.startTimeout())),
    /**
     * SIGKILL of cloud-backend (the Kafka Streams case cycle and the PostGIS projection in one JVM), started
     * again on the same Streams state directory: its exactly-once transactions and the projection's offsets must
     * make every intake record count once.
     */
    STREAMS_KILL("streams-kill", "SIGKILL", "cloud-backend", Duration.ZERO,
            rig -> rig.running().service("cloud-backend").kill(),
            rig -> rig.running().service("cloud-backend").start(rig.startTimeout())),
    /**
     * SIGKILL of the Kafka broker, kept down for a while, then started on the same data and ports (the builder's
     * fixed port, the same directory): the edge node's outbox must keep what it acknowledged until the broker
     * takes it, and cloud-backend must ride it out without a restart of its own.
     */
    BROKER_RESTART("broker-restart", "SIGKILL", "the Kafka broker", Duration.ofSeconds(10),
            rig -> rig.running().broker().kill(),
            rig -> rig.running().broker().start()),
    /**
     * PostgreSQL stopped (fast shutdown: clients cut off), kept away for a while, then started on the same data:
     * the projection must retry and catch up with everything the case cycle wrote meanwhile.
     */
    POSTGIS_AWAY("postgis-away", "stop", "PostgreSQL", Duration.ofSeconds(60),
            rig -> rig.running().postgis().stop(),
            rig -> rig.running().postgis().start()),
    /**
     * The edge node's uplink to the broker cut, as when a neighbourhood's line fails, for ten minutes by default
     * (issue 7), then restored. The node runs on throughout and must keep acknowledging sensors from its durable
     * outbox, then forward the backlog; cloud-backend keeps its own connection to the broker. The cut is a dead link,
     * not a refusal ({@link org.citygrid.devstack.net.CuttableLink}): the producer meets its timeouts, not an error.
     */
    EDGE_CUTOFF("edge-cutoff", "cut", "the edge node's uplink to the broker", Duration.ofMinutes(10),
            rig -> rig.uplink().link().cut(),
            rig -> rig.uplink().link().restore());

    /** One step of a fault: breaking the piece, or starting it again. */
    @FunctionalInterface
    interface Step {
        void apply(DrillRig rig);
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
        return switch (this) {
            case EDGE_KILL -> site.name() + " (" + site.nodeId() + ")";
            case EDGE_CUTOFF -> site.name() + "'s uplink to the broker";
            default -> what;
        };
    }

    /**
     * Whether the edge node gets an uplink of its own to the broker, which this fault cuts. Such a fault leaves every
     * process running, so the drill can watch the edge while it is cut off; and the load must run on through the
     * whole cut, so its default length follows {@code --down}.
     */
    boolean cutsEdgeUplink() {
        return this == EDGE_CUTOFF;
    }

    /** What the console says once the broken piece is back, {@code down} after it broke. */
    String back(EdgeSite site, Duration down) {
        String after = down.toMillis() / 1000.0 + " s";
        return this == EDGE_CUTOFF
                ? target(site) + " restored after " + after + " (the connections the cut stalled are closed)"
                : target(site) + " started again on the same data and ports, ready " + after + " after the " + how;
    }

    /** For the table's first line: when the broken piece was back. */
    String backInTable(Duration down) {
        return (this == EDGE_CUTOFF ? "restored " : "ready again ") + down.toMillis() / 1000.0 + " s later";
    }

    /** What the drill breaks, in general: for its usage. */
    String what() {
        return what;
    }

    void breakIt(DrillRig rig) {
        breakIt.apply(rig);
    }

    /** Starts the broken piece again, on the same data and ports (or restores the link), once it is ready. */
    void bringBack(DrillRig rig) {
        bringBack.apply(rig);
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
