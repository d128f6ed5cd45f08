package org.citygrid.demo.services;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citygrid.demo.DemoOptions;
import org.citygrid.demo.city.EdgeSite;
import org.citygrid.demo.data.DataFolder;
import org.citygrid.demo.data.DemoSecrets;

/**
 * The services of the demo, in the order they start (and, reversed, stop): cloud-backend first, because it
 * creates the topics with their partition counts; then mobile-api; then the edge nodes, which forward into
 * {@code grid.intake}; the simulator last. Each entry holds everything needed to run one: module, main class,
 * settings (as each module's documentation names them), readiness probe and log file.
 */
public final class DemoServices {
    public static final String CLOUD_MAIN = "org.citygrid.cloud.Main";
    public static final String API_MAIN = "org.citygrid.api.Application";
    public static final String EDGE_MAIN = "org.citygrid.edge.EdgeNodeMain";
    public static final String SIMULATOR_MAIN = "org.citygrid.demo.simulator.SimulatorMain";

    /** RocksDB and zstd load native code; without this JDK 24+ warns about it in every log. */
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private final DemoOptions options;
    private final DataFolder data;
    private final String bootstrapServers;
    private final String jdbcUrl;
    private final Path gridsFile;
    private final DemoSecrets secrets;

    /**
     * @param jdbcUrl the database holding the read model (cloud-backend writes schema {@code grid}, mobile-api
     *                reads it and owns schema {@code api}), without user parameters
     */
    public DemoServices(DemoOptions options, DataFolder data, String bootstrapServers, String jdbcUrl, Path gridsFile,
                        DemoSecrets secrets) {
        this.options = options;
        this.data = data;
        this.bootstrapServers = bootstrapServers;
        this.jdbcUrl = jdbcUrl;
        this.gridsFile = gridsFile;
        this.secrets = secrets;
    }

    /**
     * The module and main class of each service the options start, to check every build before anything
     * starts: a missing one fails in a second, not after the broker and the database have started.
     */
    public static List<EntryPoint> entryPoints(DemoOptions options) {
        List<EntryPoint> entries = new ArrayList<>();
        if (options.starts("cloud-backend")) {
            entries.add(new EntryPoint("cloud-backend", CLOUD_MAIN));
        }
        if (options.starts("mobile-api")) {
            entries.add(new EntryPoint("mobile-api", API_MAIN));
        }
        if (options.starts("edge-nodes")) {
            entries.add(new EntryPoint("edge-node", EDGE_MAIN));
        }
        if (options.starts("simulator")) {
            entries.add(new EntryPoint("demo", SIMULATOR_MAIN));
        }
        return entries;
    }

    /** Where a service's code is: its module and main class. */
    public record EntryPoint(String module, String mainClass) {
    }

    /** cloud-backend: the case cycle and the read-model projection (docs/cloud-backend.md). */
    public ServiceSpec cloudBackend() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CITYGRID_KAFKA_BOOTSTRAP", bootstrapServers);
        env.put("CITYGRID_JDBC_URL", jdbcUrl);
        env.put("CITYGRID_JDBC_USER", "postgres");
        env.put("CITYGRID_JDBC_PASSWORD", "");
        env.put("CITYGRID_STATE_DIR", data.cloudState().toString());
        env.put("CITYGRID_GRIDS_FILE", gridsFile.toString());
        // fewer partitions than production's 6: one small machine runs every service
        env.put("CITYGRID_PARTITIONS", "3");
        // one instance, always the same: restarted after a crash it takes its tasks back at once (static membership)
        env.put("CITYGRID_INSTANCE_ID", "demo-case-cycle");
        return new ServiceSpec("cloud-backend", "cloud-backend", CLOUD_MAIN,
                List.of("-Xmx512m", "-XX:+UseSerialGC", NATIVE_ACCESS), List.of(), env, cloudBackendReady(),
                data.log("cloud-backend"));
    }

    /**
     * When the demo takes cloud-backend as ready, the one place that decides it. For now its log line
     * {@code cloud-backend running:}, printed once the Streams client and the projection are started: before the
     * Streams client is RUNNING (its first rebalance still to come), so the first reports may wait a few seconds in
     * {@code grid.intake}. Once cloud-backend serves a health endpoint that says whether the case cycle runs, this
     * becomes a {@link Readiness.HttpOk} on it, as for mobile-api.
     */
    static Readiness cloudBackendReady() {
        return Readiness.LogLine.matching("cloud-backend running: ");
    }

    /** mobile-api: the HTTP API (docs/mobile-api.md). */
    public ServiceSpec mobileApi() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CITYGRID_API_PORT", Integer.toString(options.ports().api()));
        env.put("CITYGRID_JDBC_URL", jdbcUrl);
        env.put("CITYGRID_JDBC_USER", "postgres");
        env.put("CITYGRID_JDBC_PASSWORD", "");
        env.put("CITYGRID_KAFKA_BOOTSTRAP", bootstrapServers);
        env.put("CITYGRID_JWT_SECRET", secrets.jwtSecret());
        env.put("CITYGRID_ADMIN_USER", "admin");
        env.put("CITYGRID_ADMIN_PASSWORD", secrets.adminPassword());
        // The simulator plays every person from one address and reports often: the per-address sign-in limit and
        // the per-person report limit (docs/mobile-api.md, application.yml) are raised so it can.
        List<String> jvm = List.of("-Xmx384m", "-XX:+UseSerialGC", NATIVE_ACCESS,
                "-Dcitygrid.rate-limits.sign-in.limit=1000", "-Dcitygrid.rate-limits.reports.limit=1000");
        return new ServiceSpec("mobile-api", "mobile-api", API_MAIN, jvm,
                List.of(), env, new Readiness.HttpOk(apiBase().resolve("/manage/health")), data.log("mobile-api"));
    }

    /** One edge node, from the edge.json the demo wrote (docs/edge-node.md). */
    public ServiceSpec edgeNode(EdgeSite site) {
        return new ServiceSpec(site.name(), "edge-node", EDGE_MAIN, List.of("-Xmx192m", "-XX:+UseSerialGC", NATIVE_ACCESS),
                List.of(site.configFile().toString()), Map.of(),
                Readiness.LogLine.matching("^edge-node ready node="), data.log(site.name()));
    }

    /** The simulator, driving the edge nodes' sensors over DTLS and the people through the API. */
    public ServiceSpec simulator(List<EdgeSite> sites, boolean withApi) {
        List<String> args = new ArrayList<>();
        if (withApi) {
            args.add("--api");
            args.add(apiBase() + "=" + accountsFile());
        }
        args.addAll(List.of("--city", data.city().toString()));
        for (EdgeSite site : sites) {
            args.add("--edge");
            args.add("coaps://127.0.0.1:" + options.ports().edgeDtls(site.index() - 1) + "=" + site.devicesFile());
        }
        args.addAll(List.of("--rate", Double.toString(options.readingsPerSecond())));
        return new ServiceSpec("simulator", "demo", SIMULATOR_MAIN, List.of("-Xmx256m", "-XX:+UseSerialGC"), args,
                Map.of(), Readiness.LogLine.matching("^simulator running"), data.log("simulator"));
    }

    /** The demo's people, as made through mobile-api, and read by the simulator to act as them. */
    public Path accountsFile() {
        return data.file("accounts.json");
    }

    /** The accounts for a person to try, which the simulator never reads ({@code DemoAccounts.yours}). */
    public Path yourAccountsFile() {
        return data.file("your-accounts.json");
    }

    public URI apiBase() {
        return URI.create("http://127.0.0.1:" + options.ports().api());
    }
}
