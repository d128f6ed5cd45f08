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
    EDGE_KILL("edge-kill", "SIGKILL", "the edge node", Duration.ZERO) {
        @Override
        String target(EdgeSite site) {
            return site.name() + " (" + site.nodeId() + ")";
        }

        @Override
        void breakIt(DemoRun.Running running, EdgeSite site) {
            running.service(site.name()).kill();
        }

        @Override
        void bringBack(DemoRun.Running running, EdgeSite site, Duration startTimeout) {
            running.service(site.name()).start(startTimeout);
        }
    },
    /**
     * SIGKILL of cloud-backend (the Kafka Streams case cycle and the PostGIS projection in one JVM), started
     * again on the same Streams state directory: its exactly-once transactions and the projection's offsets must
     * make every intake record count once.
     */
    STREAMS_KILL("streams-kill", "SIGKILL", "cloud-backend", Duration.ZERO) {
        @Override
        void breakIt(DemoRun.Running running, EdgeSite site) {
            running.service("cloud-backend").kill();
        }

        @Override
        void bringBack(DemoRun.Running running, EdgeSite site, Duration startTimeout) {
            running.service("cloud-backend").start(startTimeout);
        }
    },
    /**
     * SIGKILL of the Kafka broker, kept down for a while, then started on the same data and ports: the edge
     * node's outbox must keep what it acknowledged until the broker takes it, and cloud-backend must ride it out
     * without a restart of its own.
     */
    BROKER_RESTART("broker-restart", "SIGKILL", "the Kafka broker", Duration.ofSeconds(10)) {
        @Override
        void breakIt(DemoRun.Running running, EdgeSite site) {
            running.broker().kill();
        }

        @Override
        void bringBack(DemoRun.Running running, EdgeSite site, Duration startTimeout) {
            running.broker().start(); // same ports and data: the builder's fixed port, the same directory
        }
    },
    /**
     * PostgreSQL stopped (fast shutdown: clients cut off), kept away for a while, then started on the same data:
     * the projection must retry and catch up with everything the case cycle wrote meanwhile.
     */
    POSTGIS_AWAY("postgis-away", "stop", "PostgreSQL", Duration.ofSeconds(60)) {
        @Override
        void breakIt(DemoRun.Running running, EdgeSite site) {
            running.postgis().stop();
        }

        @Override
        void bringBack(DemoRun.Running running, EdgeSite site, Duration startTimeout) {
            running.postgis().start();
        }
    };

    private final String drillName;
    private final String how;
    private final String what;
    private final Duration defaultDown;

    Fault(String drillName, String how, String what, Duration defaultDown) {
        this.drillName = drillName;
        this.how = how;
        this.what = what;
        this.defaultDown = defaultDown;
    }

    /** What the drill breaks, for the console and the table. */
    String target(EdgeSite site) {
        return what;
    }

    /** What the drill breaks, in general: for its usage. */
    String what() {
        return what;
    }

    abstract void breakIt(DemoRun.Running running, EdgeSite site);

    abstract void bringBack(DemoRun.Running running, EdgeSite site, Duration startTimeout);

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
