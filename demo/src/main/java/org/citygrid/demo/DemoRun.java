package org.citygrid.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.citygrid.demo.api.ApiClient;
import org.citygrid.demo.api.ApiException;
import org.citygrid.demo.api.DemoAccount;
import org.citygrid.demo.api.DemoAccounts;
import org.citygrid.demo.api.MadeAccounts;
import org.citygrid.demo.city.DemoCity;
import org.citygrid.demo.city.EdgeSite;
import org.citygrid.demo.city.EdgeSites;
import org.citygrid.demo.data.DataFolder;
import org.citygrid.demo.data.DemoSecrets;
import org.citygrid.demo.services.ChildService;
import org.citygrid.demo.services.DemoServices;
import org.citygrid.demo.services.EarlierRun;
import org.citygrid.demo.services.ModuleClassPath;
import org.citygrid.demo.services.ServiceSpec;
import org.citygrid.demo.services.ServiceWatch;
import org.citygrid.devstack.ProcessReaper;
import org.citygrid.devstack.kafka.KafkaBroker;
import org.citygrid.devstack.postgres.PostgisCluster;
import org.citygrid.model.grid.Community;
import org.citygrid.sample.SampleCity;

/**
 * Starts the whole system on this machine, in dependency order, and leaves it running.
 *
 * <p>Everything started is registered with devstack's {@link ProcessReaper}, whose single exit hook stops it
 * newest first when the JVM ends (Ctrl-C, SIGTERM, or a failed start): simulator, edge nodes, mobile-api,
 * cloud-backend, PostgreSQL, the broker. Nothing is deleted on the way out; the next run carries on with the
 * same topics, cases, device keys and accounts.
 */
public final class DemoRun {
    /** The database of the read model, shared by cloud-backend (writer) and mobile-api (reader). */
    public static final String DATABASE = "citygrid";

    private final DemoOptions options;
    private final Console console;
    /** Null: the edge nodes reach the broker on its ordinary listener, as cloud-backend does. */
    private final EdgeUplink edgeUplink;

    public DemoRun(DemoOptions options, Console console) {
        this(options, console, null);
    }

    /**
     * @param edgeUplink the edge nodes' own way to the broker, which a drill can cut (edge-cutoff); the broker gets
     *                   its listener, and each edge.json its address
     */
    public DemoRun(DemoOptions options, Console console, EdgeUplink edgeUplink) {
        this.options = options;
        this.console = console;
        this.edgeUplink = edgeUplink;
    }

    /**
     * Starts everything and returns once every service is ready; the caller keeps the JVM alive (the demo), or
     * stops what was started itself with {@link Running#stop()} (the fault drills, which also kill and restart
     * single services).
     */
    public Running start() {
        return start(true);
    }

    /**
     * Like {@link #start()}, without the demo's closing words (the summary block and, at the end, "the data stays
     * for the next run"): for the fault drills, which say what they do themselves.
     */
    public Running startServices() {
        return start(false);
    }

    private Running start(boolean asDemo) {
        DataFolder data = DataFolder.open(options.dataDir(), options.fresh());
        console.say((options.fresh() ? "fresh data folder " : "data folder ") + data.root());
        // Registered first, so run last: the folder stays claimed until everything else has stopped.
        List<ProcessReaper.Service> started = new ArrayList<>();
        ProcessReaper.Service claim = EarlierRun.claim(data, console);
        ProcessReaper.register(claim);
        started.add(claim);
        options.ports().requireFree(options.starts("edge-nodes") ? options.edgeNodes() : 0);
        for (DemoServices.EntryPoint entry : DemoServices.entryPoints(options)) {
            ModuleClassPath.of(options.root(), entry.module(), entry.mainClass());
        }
        // The closing line comes after everything else has stopped.
        if (asDemo) {
            started.add(announce("stopped; the data stays in " + data.root() + " for the next run (--fresh starts over)"));
        }

        console.say("sample city (Dongcheng, seed " + DemoCity.SEED + ") ...");
        SampleCity city = DemoCity.loadOrCreate(data.city());
        console.say("  " + city.grids().grids().size() + " unit grids, " + city.sensors().size() + " sensors, "
                + city.workers().size() + " people");
        List<EdgeSite> sites = options.starts("edge-nodes")
                ? new EdgeSites(city, data).prepare(options.edgeNodes(), options.sensorsPerEdge()) : List.of();

        started.add(announce("Kafka broker stopped"));
        KafkaBroker broker = startBroker(data);
        started.add(broker);
        started.add(announce("PostgreSQL stopped"));
        PostgisCluster postgis = startPostgis(data);
        started.add(postgis);
        DemoSecrets secrets = DemoSecrets.loadOrCreate(data.file("secrets.json"));
        DemoServices services = new DemoServices(options, data, broker.bootstrapServers(),
                "jdbc:postgresql://127.0.0.1:" + options.ports().postgres() + "/" + DATABASE,
                DemoCity.gridsFile(data.city()), secrets);
        MadeAccounts accounts = MadeAccounts.NONE;
        Map<String, ChildService> children = new LinkedHashMap<>();
        String edgeBootstrap = edgeUplink != null ? edgeUplink.bootstrapServers() : broker.bootstrapServers();
        for (ServiceSpec spec : plan(services, sites, edgeBootstrap)) {
            ChildService child = startService(spec, data);
            children.put(spec.name(), child);
            started.add(child);
            if (spec.name().equals("mobile-api")) {
                accounts = makeAccounts(services, secrets, city, sites);
            }
        }
        if (asDemo) {
            console.block(Summary.of(options, data, services, secrets, sites, accounts));
        }
        return new Running(data, broker, postgis, sites, children, started);
    }

    /**
     * What {@link #start()} started, by name, in start order.
     *
     * @param services the child services by name ({@code cloud-backend}, {@code edge-1}, ...)
     * @param started  everything registered with the {@link ProcessReaper}, in start order
     */
    public record Running(DataFolder data, KafkaBroker broker, PostgisCluster postgis, List<EdgeSite> sites,
                          Map<String, ChildService> services, List<ProcessReaper.Service> started) {
        /**
         * Starts watching everything started ({@link ServiceWatch}): the simulator may end and the demo goes on; when
         * anything else ends, {@code exit} gets {@link ServiceWatch#EXIT_CODE}.
         */
        public ServiceWatch watch(Console console, IntConsumer exit) {
            List<ServiceWatch.Watched> watched = new ArrayList<>();
            watched.add(ServiceWatch.of(broker));
            watched.add(ServiceWatch.of(postgis));
            services.forEach((name, child) -> watched.add(name.equals("simulator")
                    ? ServiceWatch.optional(child, "no more simulated sensor readings or people")
                    : ServiceWatch.of(child)));
            return new ServiceWatch(watched, console, exit).start();
        }

        public ChildService service(String name) {
            ChildService service = services.get(name);
            if (service == null) {
                throw new DemoException("no service " + name + " was started (started: " + services.keySet() + ")");
            }
            return service;
        }

        /** Stops everything newest first, as the exit hook would, and takes it off the hook's list. */
        public void stop() {
            for (int i = started.size() - 1; i >= 0; i--) {
                ProcessReaper.Service service = started.get(i);
                if (service instanceof ChildService child && !child.isRunning()) {
                    continue; // killed and not restarted, or already stopped
                }
                service.stop();
                ProcessReaper.unregister(service);
            }
        }
    }

    private ProcessReaper.Service announce(String line) {
        Announcement announcement = new Announcement(console, line);
        ProcessReaper.register(announcement);
        return announcement;
    }

    private KafkaBroker startBroker(DataFolder data) {
        console.say("starting the Kafka broker on 127.0.0.1:" + options.ports().kafka() + " ...");
        KafkaBroker.Builder builder = KafkaBroker.builder(data.kafka())
                .brokerPort(options.ports().kafka())
                // the cloud creates every topic with its partition count; a typo'd topic must fail, not appear
                .property("auto.create.topics.enable", "false")
                .startTimeout(options.startTimeout());
        if (edgeUplink != null) {
            builder.extraListener(EdgeUplink.LISTENER, edgeUplink.listenerPort(), edgeUplink.link().port());
            console.say("  the edge nodes reach it through their own uplink, " + edgeUplink.bootstrapServers()
                    + " (listener " + EdgeUplink.LISTENER + " on 127.0.0.1:" + edgeUplink.listenerPort() + ")");
        }
        KafkaBroker broker = builder.build().start();
        console.say("  ready (log: " + broker.logFile() + ")");
        return broker;
    }

    private PostgisCluster startPostgis(DataFolder data) {
        console.say("starting PostgreSQL + PostGIS on 127.0.0.1:" + options.ports().postgres() + " ...");
        PostgisCluster postgis = PostgisCluster.builder(data.postgis())
                .port(options.ports().postgres())
                .startTimeout(options.startTimeout())
                .build().start();
        postgis.createDatabase(DATABASE);
        console.say("  ready, database " + DATABASE + " (log: " + postgis.logFile() + ")");
        return postgis;
    }

    /**
     * The child services to start, in order; writes each edge node's edge.json for this run on the way, with
     * {@code edgeBootstrap} as its broker.
     */
    private List<ServiceSpec> plan(DemoServices services, List<EdgeSite> sites, String edgeBootstrap) {
        List<ServiceSpec> planned = new ArrayList<>();
        if (options.starts("cloud-backend")) {
            planned.add(services.cloudBackend());
        }
        if (options.starts("mobile-api")) {
            planned.add(services.mobileApi());
        }
        for (EdgeSite site : sites) {
            EdgeSites.writeConfig(site, options.ports().edgePlain(site.index() - 1),
                    options.ports().edgeDtls(site.index() - 1), edgeBootstrap);
            planned.add(services.edgeNode(site));
        }
        if (options.starts("simulator") && (!sites.isEmpty() || options.starts("mobile-api"))) {
            planned.add(services.simulator(sites, options.starts("mobile-api")));
        }
        return planned;
    }

    private ChildService startService(ServiceSpec spec, DataFolder data) {
        String classPath = ModuleClassPath.of(options.root(), spec.module(), spec.mainClass());
        console.say("starting " + spec.name() + " (waiting for " + spec.readiness().describe() + ") ...");
        long started = System.nanoTime();
        ChildService child = new ChildService(spec, classPath, data.pidFile(spec.name()), console)
                .start(options.startTimeout());
        console.say("  ready in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s (log: "
                + spec.logFile() + ")");
        return child;
    }

    private MadeAccounts makeAccounts(DemoServices services, DemoSecrets secrets, SampleCity city,
                                      List<EdgeSite> sites) {
        console.say("making the demo accounts through the API ...");
        List<String> streets = sites.isEmpty() ? List.of(city.grids().streets().getFirst().code())
                : sites.stream().map(EdgeSite::streetCode).toList();
        List<DemoAccount> simulated = DemoAccounts.plan(city.grids(), streets, secrets.peoplePassword());
        List<DemoAccount> yours = DemoAccounts.yours(city.grids(), streets, secrets.peoplePassword());
        try {
            List<DemoAccount> all = new ArrayList<>(simulated);
            all.addAll(yours);
            DemoAccounts.ensure(new ApiClient(services.apiBase()), secrets.adminPassword(), all);
        } catch (ApiException e) {
            throw new DemoException("the demo accounts could not be made: " + e.getMessage(), e);
        }
        DemoAccounts.write(services.accountsFile(), simulated);
        DemoAccounts.write(services.yourAccountsFile(), yours);
        console.say("  " + simulated.size() + " for the simulator (" + services.accountsFile() + "), " + yours.size()
                + " for you (" + services.yourAccountsFile() + ")");
        Community community = DemoAccounts.yourCommunity(city.grids(), streets);
        return new MadeAccounts(simulated, yours, community, city.grids().street(community.streetCode()).orElseThrow());
    }

    /** Not a process: a line on the console when the exit hook reaches it, to mark progress while stopping. */
    private record Announcement(Console console, String line) implements ProcessReaper.Service {
        @Override
        public void stop() {
            console.say(line);
        }
    }
}
