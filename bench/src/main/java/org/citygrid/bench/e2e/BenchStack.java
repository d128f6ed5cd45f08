package org.citygrid.bench.e2e;

import java.util.Set;
import java.util.function.Consumer;

import org.citygrid.demo.Console;
import org.citygrid.demo.DemoException;
import org.citygrid.demo.DemoOptions;
import org.citygrid.demo.DemoPorts;
import org.citygrid.demo.DemoRun;
import org.citygrid.demo.city.DemoRules;
import org.citygrid.demo.city.EdgeSite;
import org.citygrid.demo.data.DataFolder;
import org.citygrid.demo.services.ChildService;
import org.citygrid.devstack.FreePorts;

/**
 * The services a benchmark runs against, started as the demo starts them (broker, PostGIS, cloud-backend and one
 * edge node, each its own JVM) on a fresh data folder and free ports, with the single-reading alarm rules the load
 * needs. Shared by the ladder ({@link E2eBench}) and the scaling part ({@link ScaleBench}), which starts it once per
 * city size or registry size.
 *
 * @param running what {@link DemoRun} started; {@link #close()} stops it, newest first
 * @param site    the one edge node
 * @param edgeUri its DTLS address
 */
record BenchStack(DemoRun.Running running, String bootstrap, String jdbc, EdgeSite site, String edgeUri, long cloudPid,
                  long edgePid) implements AutoCloseable {

    /**
     * Empties the data folder, lets {@code prepare} put files into it that the demo then keeps (a bigger city, a
     * device registry), and starts the services.
     */
    static BenchStack start(E2eBenchOptions options, Console console, Consumer<DataFolder> prepare) {
        DataFolder data = DataFolder.open(options.dataDir(), true);
        DemoRules.writeSingleReadingRules(data.edge(1));
        prepare.accept(data);
        DemoPorts ports = new DemoPorts(FreePorts.pick(), DemoPorts.freeUdpPair(), FreePorts.pick(), FreePorts.pick());
        DemoOptions demo = new DemoOptions(options.root(), options.dataDir(), false, ports, 1, options.sensors(),
                Set.of("mobile-api", "simulator"), 1, options.startTimeout());
        DemoRun.Running running = new DemoRun(demo, console).startServices();
        try {
            EdgeSite site = running.sites().getFirst();
            return new BenchStack(running, running.broker().bootstrapServers(),
                    "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + DemoRun.DATABASE + "?user=postgres", site,
                    "coaps://127.0.0.1:" + ports.edgeDtls(0), pid(running.service("cloud-backend")),
                    pid(running.service(site.name())));
        } catch (RuntimeException e) {
            running.stop();
            throw e;
        }
    }

    @Override
    public void close() {
        running.stop();
    }

    private static long pid(ChildService service) {
        return service.pid().orElseThrow(() -> new DemoException(service + " has no process"));
    }
}
