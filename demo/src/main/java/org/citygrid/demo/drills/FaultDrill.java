package org.citygrid.demo.drills;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.citygrid.demo.Console;
import org.citygrid.demo.DemoOptions;
import org.citygrid.demo.DemoPorts;
import org.citygrid.demo.DemoRun;
import org.citygrid.demo.EdgeUplink;
import org.citygrid.demo.Schedule;
import org.citygrid.demo.city.DemoRules;
import org.citygrid.demo.city.EdgeSite;
import org.citygrid.demo.data.DataFolder;
import org.citygrid.devstack.FreePorts;

/**
 * A fault drill: one piece of CityGrid broken under load ({@link Fault}), then a count.
 *
 * <p>Starts the broker, PostGIS, cloud-backend and one edge node exactly as the demo does (same code, same
 * configuration, on a fresh data folder and free ports), loads the node with sensors over DTLS raising and
 * clearing alarms, breaks the drill's piece part way through (edge node, cloud-backend, broker, PostgreSQL, or the
 * edge node's uplink to the broker),
 * keeps it down for {@code --down}, starts it again on the same data and ports, lets the sensors carry on
 * (resending what was not acknowledged), stops the load, waits for the pipeline to drain, and counts: every
 * alarm edge the node acknowledged must be in {@code grid.intake} and must have made exactly one case
 * transition. See {@link DrillCount} for what lost and duplicated mean.
 */
public final class FaultDrill {
    private final DrillOptions options;
    private final Console console;

    public FaultDrill(DrillOptions options, Console console) {
        this.options = options;
        this.console = console;
    }

    /** Runs the drill and stops everything it started; the count decides the verdict. */
    public DrillCount run() throws InterruptedException {
        DataFolder data = DataFolder.open(options.dataDir(), true);
        DemoRules.writeSingleReadingRules(data.edge(1));
        DemoPorts ports = new DemoPorts(FreePorts.pick(), DemoPorts.freeUdpPair(), FreePorts.pick(), FreePorts.pick());
        DemoOptions demo = new DemoOptions(options.root(), options.dataDir(), false, ports, 1, options.sensors(),
                Set.of("mobile-api", "simulator"), options.rate(), options.startTimeout());
        Fault fault = options.fault();
        // edge-cutoff: the edge node reaches the broker only through a link the drill can cut
        EdgeUplink uplink = fault.cutsEdgeUplink() ? EdgeUplink.open() : null;
        try {
            DemoRun.Running running = new DemoRun(demo, console, uplink).startServices();
            try {
                return underLoad(running, ports, uplink);
            } finally {
                running.stop();
            }
        } finally {
            if (uplink != null) {
                uplink.close();
            }
        }
    }

    private DrillCount underLoad(DemoRun.Running running, DemoPorts ports, EdgeUplink uplink)
            throws InterruptedException {
        EdgeSite site = running.sites().getFirst();
        DrillRig rig = new DrillRig(running, site, uplink, options.startTimeout());
        String uri = "coaps://127.0.0.1:" + ports.edgeDtls(0);
        try (AlarmLoad load = new AlarmLoad(site.nodeId(), uri, site.devices(), options.rate(),
                options.alarmChance(), options.hold()).connect();
             Downstream downstream = new Downstream(running.broker().bootstrapServers(),
                     "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + DemoRun.DATABASE + "?user=postgres")) {
            Fault fault = options.fault();
            String target = fault.target(site);
            console.say("load: " + load.sensors() + " sensors over DTLS on " + uri + ", " + options.rate()
                    + " readings/s for " + options.load().toSeconds() + " s; " + fault.how() + " of " + target
                    + " at " + options.faultAt().toSeconds() + " s");
            long loadStart = System.nanoTime();
            load.start();
            Schedule.sleepUntil(loadStart + options.faultAt().toNanos());
            console.say("  before the fault: " + load.edges().size() + " alarm edges acknowledged");
            Instant brokenAt = Instant.now();
            long brokenNanos = System.nanoTime();
            console.say(fault.how() + " of " + target);
            fault.breakIt(rig);
            if (options.down().isPositive()) {
                console.say("  " + target + " stays down for " + options.down().toMillis() / 1000.0 + " s");
                if (fault.cutsEdgeUplink()) {
                    try (EdgeHealth health = new EdgeHealth(ports.edgePlain(0))) {
                        new CutWatch(console, load, downstream, health, site.nodeId(), brokenAt)
                                .until(brokenNanos, options.down());
                    }
                } else {
                    Schedule.sleepUntil(brokenNanos + options.down().toNanos());
                }
            }
            fault.bringBack(rig);
            Instant restoredAt = Instant.now();
            Duration down = Duration.ofNanos(System.nanoTime() - brokenNanos);
            // every sensor that is not in an episode starts one: the recovered pipeline must carry edges made
            // after the fault too, not only the ones chance brings
            load.startEpisodes();
            console.say("  " + fault.back(site, down));
            Schedule.sleepUntil(loadStart + options.load().toNanos());
            console.say("stopping the load (each sensor still resends its last reading until acknowledged) ...");
            load.stop();
            console.say("waiting for the pipeline to drain (at most " + options.drain().toSeconds() + " s) ...");
            DrillCount count = DrillDrain.await(load, brokenAt, restoredAt, site.nodeId(), downstream, options.drain(),
                    console);
            console.block(DrillReport.table(count, options, site, brokenAt, down));
            return count;
        }
    }
}
