package org.citygrid.bench.e2e;

import org.citygrid.bench.measure.LoadAverage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.citygrid.demo.Console;
import org.citygrid.demo.city.DemoCity;
import org.citygrid.demo.data.DataFolder;
import org.citygrid.sample.SampleCity;
import org.citygrid.sample.SampleCityFiles;
import org.citygrid.sample.SampleCityGenerator;

/**
 * The scaling part of the end-to-end benchmark (docs/benchmark.md, <i>Scaling</i>): the same alarm rate at growing
 * numbers of open cases, sensors and grids, one dimension at a time from a base point, each row measured like a
 * step of the ladder ({@link E2eBench#step}).
 *
 * <p>Open cases grow within one start of the services: seeded between rows, on top of the ones before. Sensors and
 * grids need a new registry or a new city, so each of their rows starts the services afresh on an emptied data
 * folder. Every start is followed by an unreported warm-up step, so that no row pays for cold JVMs and empty
 * caches while the others do not.
 */
public final class ScaleBench {
    /** Each clear this long after its raise at most, whatever the number of sensors (see RaiseClearLoad#run). */
    static final Duration CLEAR_AFTER = Duration.ofSeconds(1);

    private final E2eBenchOptions options;
    private final ScaleOptions scale;
    private final Console console;
    private final E2eBench steps;

    public ScaleBench(E2eBenchOptions options, ScaleOptions scale, Console console) {
        this.options = options;
        this.scale = scale;
        this.console = console;
        this.steps = new E2eBench(options, console);
    }

    public ScaleReport run() throws InterruptedException {
        long started = System.nanoTime();
        double loadBefore = LoadAverage.oneMinute();
        List<ScaleRow> rows = new ArrayList<>();
        for (ScaleOptions.Dimension d : scale.dimensions()) {
            switch (d) {
                case OPEN_CASES -> rows.addAll(openCases());
                case DEVICES -> {
                    for (int n : scale.devices()) {
                        rows.add(fresh(d, n, n, scale.baseGrids(), rows));
                    }
                }
                case GRIDS -> {
                    for (int g : scale.grids()) {
                        rows.add(fresh(d, g, scale.baseDevices(), g, rows));
                    }
                }
            }
        }
        String setup = String.format(Locale.ROOT, "1 edge node, %.0f raises/s for %d s per row (after a %d s warm-up"
                        + " per start); base point %d open cases, %d sensors over DTLS, %d grids; %d cores, load"
                        + " average %.1f at the start, %.1f at the end; %.0f min in all", scale.rate(),
                options.step().toSeconds(), scale.warmUp().toSeconds(), scale.baseOpenCases(), scale.baseDevices(),
                scale.baseGrids(), Runtime.getRuntime().availableProcessors(), loadBefore, LoadAverage.oneMinute(),
                (System.nanoTime() - started) / 60e9);
        return new ScaleReport(setup, rows);
    }

    /** One start; seeds more open cases before each row. */
    private List<ScaleRow> openCases() throws InterruptedException {
        console.say("scale: open cases " + scale.openCases() + " ...");
        List<ScaleRow> rows = new ArrayList<>();
        try (Session session = new Session(scale.baseDevices(), scale.baseGrids())) {
            for (int n : scale.openCases()) {
                session.seedTo(n);
                rows.add(session.measure(ScaleOptions.Dimension.OPEN_CASES, n));
            }
        }
        return rows;
    }

    /**
     * One start for one row: a registry of {@code sensors}, a city of {@code grids}. The base point is measured
     * once per run: a dimension whose row is at the base point takes the row measured first (two fewer starts
     * of the services in a default run).
     */
    private ScaleRow fresh(ScaleOptions.Dimension d, int size, int sensors, int grids, List<ScaleRow> done)
            throws InterruptedException {
        if (sensors == scale.baseDevices() && grids == scale.baseGrids()) {
            for (ScaleRow r : done) {
                if (r.isBase(scale)) {
                    console.say("scale: " + d.label() + " " + size + ": the base point, measured above");
                    return new ScaleRow(d, size, r.openCases(), r.seeded(), r.sensors(), r.grids(), r.step(),
                            r.loadAverage());
                }
            }
        }
        console.say("scale: " + d.label() + " " + size + " ...");
        try (Session session = new Session(sensors, grids)) {
            session.seedTo(scale.baseOpenCases());
            return session.measure(d, size);
        }
    }

    /** The services with their load, watcher and seeder, warmed up. */
    private final class Session implements AutoCloseable {
        final BenchStack stack;
        final int grids;
        final RaiseClearLoad load;
        final CaseWatcher watcher;
        final OpenCaseSeeder seeder;
        int seeded;

        Session(int sensors, int grids) throws InterruptedException {
            this.grids = grids;
            SampleCity[] city = new SampleCity[1];
            stack = BenchStack.start(options, console, data -> city[0] = prepare(data, sensors, grids));
            RaiseClearLoad connected = null;
            CaseWatcher watching = null;
            try {
                console.say("  DTLS handshakes of " + sensors + " sensors ...");
                long t = System.nanoTime();
                connected = new RaiseClearLoad(stack.site().nodeId(), stack.edgeUri(), stack.site().devices(), sensors)
                        .connect();
                console.say(String.format(Locale.ROOT, "  done in %.1f s", (System.nanoTime() - t) / 1e9));
                watching = new CaseWatcher(stack.bootstrap());
                seeder = new OpenCaseSeeder(stack.bootstrap(), city[0].grids().grids());
            } catch (RuntimeException e) {
                closeQuietly(connected, watching);
                stack.close();
                throw e;
            }
            load = connected;
            watcher = watching;
            if (!scale.warmUp().isZero()) {
                console.say("  warm-up (not reported):");
                try {
                    steps.step(scale.rate(), scale.warmUp(), CLEAR_AFTER, load, watcher, stack);
                } catch (RuntimeException | InterruptedException e) {
                    close();
                    throw e;
                }
            }
        }

        /** Seeds until about {@code target} seeded cases are open, and waits for them to settle. */
        void seedTo(int target) throws InterruptedException {
            int more = target - seeded;
            if (more <= 0) {
                return;
            }
            console.say("  seeding " + more + " open cases through grid.intake ...");
            long t = System.nanoTime();
            List<String> ids = seeder.seed(more);
            long deadline = t + scale.seedDrain().toNanos();
            int left = ids.size();
            while (left > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1_000); // the watcher fills in outcomes as records arrive; this only checks
                left = (int) ids.stream().filter(id -> !watcher.outcome(id).settled()).count();
            }
            seeded = target;
            double seconds = (System.nanoTime() - t) / 1e9;
            console.say(String.format(Locale.ROOT, "  %d settled in %.0f s (%.0f/s)%s; %d cases open now",
                    ids.size() - left, seconds, (ids.size() - left) / seconds,
                    left > 0 ? ", " + left + " not settled within --seed-drain" : "", watcher.casesOpened()));
        }

        ScaleRow measure(ScaleOptions.Dimension d, int size) throws InterruptedException {
            int open = watcher.casesOpened();
            StepResult step = steps.step(scale.rate(), options.step(), CLEAR_AFTER, load, watcher, stack);
            return new ScaleRow(d, size, open, seeded, load.sensors(), grids, step, LoadAverage.oneMinute());
        }

        @Override
        public void close() throws InterruptedException {
            try {
                closeQuietly(load, watcher);
                seeder.close();
            } finally {
                stack.close();
            }
        }
    }

    /** The city of {@code grids} (the demo's own when it is the default size) and a registry of {@code sensors}. */
    private static SampleCity prepare(DataFolder data, int sensors, int grids) {
        SampleCity city;
        if (grids == SampleCityGenerator.DEFAULT_GRID_COUNT) {
            city = DemoCity.loadOrCreate(data.city());
        } else {
            city = new SampleCityGenerator(DemoCity.SEED, grids).generate();
            new SampleCityFiles().write(city, data.city()); // the demo reads it back instead of making its own
        }
        ScaleDevices.write(city, data.edge(1), sensors);
        return city;
    }

    private static void closeQuietly(RaiseClearLoad load, CaseWatcher watcher) throws InterruptedException {
        if (load != null) {
            load.close();
        }
        if (watcher != null) {
            watcher.close();
        }
    }
}
