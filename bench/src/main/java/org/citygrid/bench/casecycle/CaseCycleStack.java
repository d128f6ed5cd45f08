package org.citygrid.bench.casecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.admin.NewTopic;

import org.citygrid.demo.Console;
import org.citygrid.demo.DemoException;
import org.citygrid.demo.DemoOptions;
import org.citygrid.demo.DemoPorts;
import org.citygrid.demo.DemoRun;
import org.citygrid.demo.city.DemoCity;
import org.citygrid.demo.data.DataFolder;
import org.citygrid.demo.data.DemoSecrets;
import org.citygrid.demo.services.ChildService;
import org.citygrid.demo.services.DemoServices;
import org.citygrid.demo.services.ModuleClassPath;
import org.citygrid.demo.services.Readiness;
import org.citygrid.demo.services.ServiceSpec;
import org.citygrid.devstack.FreePorts;
import org.citygrid.model.grid.GridGeoJson;
import org.citygrid.model.grid.UnitGrid;
import org.citygrid.sample.SampleCityFiles;
import org.citygrid.sample.SampleCityGenerator;

/**
 * What the case-cycle benchmark runs against, each its own process, on a fresh data folder and free ports: the Kafka
 * broker and PostgreSQL + PostGIS as the demo starts them, cloud-backend from its own build with the demo's
 * configuration ({@code org.citygrid.cloud.Main}: the case cycle and its read-model projection), and the
 * pass-through topology ({@link PassThroughMain}) from this module's build with cloud-backend's JVM options and
 * Streams settings. Both Streams applications run for the whole benchmark; the load goes to one at a time.
 *
 * <p>Three settings differ from the demo's cloud-backend, all for the measurement only (the third by choice,
 * {@code --notifications-v1}: off unless told, as it will be once mobile-api reads v2 only):
 * <ul>
 *   <li>{@code CITYGRID_DUPLICATE_DISTANCE_M} {@value #DUPLICATE_DISTANCE_M}: the reports stand a metre apart
 *       ({@link PatrolReports}), and each must open its own case;</li>
 *   <li>a {@code CITYGRID_KAFKA_CONFIG} file that sets {@code repartition.purge.interval.ms} to a day: Kafka
 *       Streams otherwise deletes the repartition topic's consumed records every 30 s, before {@link BrokerWrites}
 *       can read them back to tell records from transaction markers. The purge is a delete-records request now and
 *       then, not a write, and costs the case cycle next to nothing.</li>
 *   <li>{@code CITYGRID_NOTIFICATIONS_V1} from {@code --notifications-v1}: off unless told.</li>
 * </ul>
 */
final class CaseCycleStack implements AutoCloseable {
    /** The start of every topic of the benchmark's own (the pass-through's); the others are the case cycle's. */
    static final String BENCH_TOPICS = "bench.";
    static final String PASS_IN = BENCH_TOPICS + "pass-in";
    static final String PASS_OUT = BENCH_TOPICS + "pass-out";
    static final String DUPLICATE_DISTANCE_M = "0.5";
    private static final String PASS_THROUGH = "pass-through";

    private final DemoRun.Running running;
    private final ChildService cloud;
    private final ChildService passThrough;
    private final List<UnitGrid> grids;

    private CaseCycleStack(DemoRun.Running running, ChildService cloud, ChildService passThrough, List<UnitGrid> grids) {
        this.running = running;
        this.cloud = cloud;
        this.passThrough = passThrough;
        this.grids = grids;
    }

    static CaseCycleStack start(CaseCycleOptions options, Console console) {
        DemoPorts ports = new DemoPorts(FreePorts.pick(), DemoPorts.freeUdpPair(), FreePorts.pick(), FreePorts.pick());
        DataFolder fresh = DataFolder.open(options.dataDir(), true);
        if (options.grids() != SampleCityGenerator.DEFAULT_GRID_COUNT) {
            // the demo reads a city it finds instead of making its own
            new SampleCityFiles().write(new SampleCityGenerator(DemoCity.SEED, options.grids()).generate(), fresh.city());
        }
        DemoOptions demo = new DemoOptions(options.root(), options.dataDir(), false, ports, 1, 1,
                DemoOptions.OPTIONAL_SERVICES, 1, options.startTimeout());
        // the broker and PostGIS only: the two Streams applications are started below, each from its own build
        DemoRun.Running running = new DemoRun(demo, console).startServices();
        ChildService cloud = null;
        ChildService passThrough = null;
        try {
            DataFolder data = running.data();
            String bootstrap = running.broker().bootstrapServers();
            DemoServices services = new DemoServices(demo, data, bootstrap,
                    "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + DemoRun.DATABASE,
                    DemoCity.gridsFile(data.city()), DemoSecrets.loadOrCreate(data.file("secrets.json")));
            ServiceSpec cloudSpec = cloudBackend(services.cloudBackend(), data, options.notificationsV1());
            ServiceSpec passSpec = passThrough(cloudSpec, data, bootstrap);
            running.broker().createTopics(List.of(new NewTopic(PASS_IN, partitions(cloudSpec), (short) 1),
                    new NewTopic(PASS_OUT, partitions(cloudSpec), (short) 1)));
            cloud = child(cloudSpec, options, data, console);
            passThrough = child(passSpec, options, data, console);
            // both JVMs start at once: their starts are mostly waiting (JIT, the first rebalance)
            ChildService pass = passThrough;
            CompletableFuture<ChildService> passStarted = CompletableFuture.supplyAsync(
                    () -> pass.start(options.startTimeout()));
            console.say("starting cloud-backend and the pass-through topology ...");
            cloud.start(options.startTimeout());
            join(passStarted);
            console.say("  both running (logs: " + cloudSpec.logFile() + ", " + passSpec.logFile() + ")");
            return new CaseCycleStack(running, cloud, passThrough,
                    new GridGeoJson().read(DemoCity.gridsFile(data.city())).grids());
        } catch (RuntimeException e) {
            stop(passThrough);
            stop(cloud);
            running.stop();
            throw e;
        }
    }

    /** The demo's cloud-backend, with the benchmark's two settings on top. */
    private static ServiceSpec cloudBackend(ServiceSpec demo, DataFolder data, boolean notificationsV1) {
        Path clientConfig = data.file("bench-kafka-client.properties");
        try {
            Files.writeString(clientConfig, "# ./gridcity bench case-cycle: keep the repartition topic's records for"
                    + " the write count\nrepartition.purge.interval.ms=86400000\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DemoException("cannot write " + clientConfig + ": " + e.getMessage(), e);
        }
        Map<String, String> env = new LinkedHashMap<>(demo.env());
        env.put("CITYGRID_DUPLICATE_DISTANCE_M", DUPLICATE_DISTANCE_M);
        env.put("CITYGRID_KAFKA_CONFIG", clientConfig.toString());
        env.put("CITYGRID_NOTIFICATIONS_V1", Boolean.toString(notificationsV1));
        return new ServiceSpec(demo.name(), demo.module(), demo.mainClass(), demo.jvmOptions(), demo.args(), env,
                demo.readiness(), demo.logFile());
    }

    /** The pass-through, with cloud-backend's JVM options and the Streams settings it shares with the case cycle. */
    private static ServiceSpec passThrough(ServiceSpec cloud, DataFolder data, String bootstrap) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CITYGRID_KAFKA_BOOTSTRAP", bootstrap);
        env.put("CITYGRID_APPLICATION_ID", "bench-pass-through");
        env.put("CITYGRID_STATE_DIR", data.root().resolve("pass-through-state").toString());
        for (String shared : List.of("CITYGRID_COMMIT_INTERVAL", "CITYGRID_SESSION_TIMEOUT")) {
            if (cloud.env().containsKey(shared)) {
                env.put(shared, cloud.env().get(shared));
            }
        }
        if (cloud.env().containsKey("CITYGRID_INSTANCE_ID")) {
            env.put("CITYGRID_INSTANCE_ID", "bench-pass-through"); // a static member, as cloud-backend is
        }
        return new ServiceSpec(PASS_THROUGH, "bench", PassThroughMain.class.getName(), cloud.jvmOptions(),
                List.of(PASS_IN, PASS_OUT), env, Readiness.LogLine.matching("^" + PassThroughMain.RUNNING),
                data.log(PASS_THROUGH));
    }

    private static int partitions(ServiceSpec cloud) {
        return Integer.parseInt(cloud.env().getOrDefault("CITYGRID_PARTITIONS", "6"));
    }

    private static ChildService child(ServiceSpec spec, CaseCycleOptions options, DataFolder data, Console console) {
        return new ChildService(spec, ModuleClassPath.of(options.root(), spec.module(), spec.mainClass()),
                data.pidFile(spec.name()), console);
    }

    private static void join(CompletableFuture<ChildService> started) {
        try {
            started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    String bootstrapServers() {
        return running.broker().bootstrapServers();
    }

    /** The unit grids cloud-backend was given, where the reports are made. */
    List<UnitGrid> grids() {
        return grids;
    }

    long cloudPid() {
        return pid(cloud);
    }

    long passThroughPid() {
        return pid(passThrough);
    }

    /** The broker's JVM, from the pid file devstack writes next to its data; -1 when it is not there. */
    long brokerPid() {
        return firstLineNumber(running.broker().directory().resolve("broker.pid"));
    }

    /** PostgreSQL's postmaster, from the pid file it keeps in its data directory; -1 when it is not there. */
    long postmasterPid() {
        return firstLineNumber(running.postgis().directory().resolve("data/postmaster.pid"));
    }

    private static long firstLineNumber(Path file) {
        try {
            return Long.parseLong(Files.readAllLines(file).getFirst().strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long pid(ChildService service) {
        return service.pid().orElseThrow(() -> new DemoException(service + " has no process"));
    }

    /** Stops the two Streams applications, then PostGIS and the broker. */
    @Override
    public void close() {
        stop(passThrough);
        stop(cloud);
        running.stop();
    }

    private static void stop(ChildService service) {
        if (service != null) {
            service.stop();
        }
    }
}
