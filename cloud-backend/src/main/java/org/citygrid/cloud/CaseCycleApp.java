package org.citygrid.cloud;

import io.micrometer.core.instrument.Gauge;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.citygrid.cloud.config.CaseCycleSettings;
import org.citygrid.cloud.geocode.GridLocator;
import org.citygrid.cloud.health.Health;
import org.citygrid.cloud.health.HttpEndpoints;
import org.citygrid.cloud.metrics.CaseCycleMetrics;
import org.citygrid.cloud.readmodel.CaseCountGauges;
import org.citygrid.cloud.readmodel.Projection;
import org.citygrid.cloud.readmodel.ReadModelDatabase;
import org.citygrid.cloud.streams.CaseCycleStreams;
import org.citygrid.model.category.CatalogueCaseRules;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.worktime.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * cloud-backend as one running thing: the topics, the Streams application that runs the case
 * cycle, the projection into PostGIS, and the HTTP endpoints that say how they are, started in that
 * order and stopped in reverse. When the case cycle or the projection cannot run any more it says
 * why in one log line and hands the process's exit status to {@code exit}
 * ({@value #EXIT_CANNOT_RUN}), so a supervisor restarts it and an operator sees the reason.
 */
public final class CaseCycleApp implements AutoCloseable {

    /** The exit status of a cloud-backend whose case cycle or projection cannot run (EX_SOFTWARE). */
    public static final int EXIT_CANNOT_RUN = 70;

    private static final Logger LOG = LoggerFactory.getLogger(CaseCycleApp.class);

    private final CaseCycleMetrics metrics = new CaseCycleMetrics();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean failed = new AtomicBoolean();
    private final IntConsumer exit;
    private CaseCycleStreams streams;
    private Projection projection;
    private Thread projectionThread;
    private HttpEndpoints http;

    private CaseCycleApp(IntConsumer exit) {
        this.exit = exit;
    }

    /**
     * Starts everything.
     *
     * @param withProjection false to run the Streams application alone (another instance projects)
     * @param exit           what to do with the exit status when a part cannot run: {@code System::exit} in
     *                       a service; a spec may just record it
     */
    public static CaseCycleApp start(CaseCycleSettings settings, GridLocator locator, boolean withProjection, IntConsumer exit) {
        CaseCycleApp app = new CaseCycleApp(exit);
        try {
            app.startParts(settings, locator, withProjection);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** Starts everything; a part that cannot run stops only itself (for specs that look at the parts). */
    public static CaseCycleApp start(CaseCycleSettings settings, GridLocator locator, boolean withProjection) {
        return start(settings, locator, withProjection, status -> {
        });
    }

    private void startParts(CaseCycleSettings settings, GridLocator locator, boolean withProjection) {
        TopicSetup.ensure(settings);
        CategoryCatalogue catalogue = CategoryCatalogue.loadDefault();
        WorkingCalendar calendar = WorkingCalendar.chinaDefault();
        if (!calendar.covers(Year.now(calendar.zone()))) {
            LOG.warn("the working calendar has no holiday data for {}: only weekends count as days off", Year.now());
        }
        var rules = new CatalogueCaseRules(catalogue, calendar);
        List<Supplier<Health.Part>> parts = new ArrayList<>();
        if (withProjection) {
            ReadModelDatabase database = new ReadModelDatabase(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
            database.migrate();
            CaseCountGauges.bind(database, metrics.registry());
            projection = new Projection(settings.projection(), database, metrics);
            parts.add(this::projectionHealth);
        }
        streams = CaseCycleStreams.start(settings, rules, catalogue, locator, metrics, this::cannotRun);
        parts.add(0, streams::health);
        Health health = new Health(parts, metrics::deadLetters);
        Gauge.builder("citygrid.cloud.health", health, h -> h.report().status().ordinal())
                .description("cloud-backend's health: 2 UP, 1 DEGRADED, 0 DOWN").register(metrics.registry());
        http = HttpEndpoints.start(settings.httpBind(), settings.httpPort(), health, metrics::scrape);
        LOG.info("cloud-backend http url=http://{}:{}/health metrics=http://{}:{}/metrics", settings.httpBind(), http.port(),
                settings.httpBind(), http.port());
        if (projection != null) {
            projectionThread = Thread.ofPlatform().name("readmodel-projection").start(() -> {
                try {
                    projection.run();
                } finally {
                    if (!closing.get()) {
                        String why = projection.failure();
                        cannotRun("the read-model projection stopped" + (why == null ? "" : ": " + why));
                    }
                }
            });
        }
    }

    private Health.Part projectionHealth() {
        Projection.State state = projection.state();
        return switch (state) {
            case RUNNING -> new Health.Part("projection", state.name(), Health.Status.UP, null);
            case WAITING -> new Health.Part("projection", state.name(), Health.Status.DEGRADED,
                    "waiting for the read model's database: " + projection.waitingFor());
            case STOPPED -> new Health.Part("projection", state.name(), Health.Status.DOWN, "the projection stopped");
        };
    }

    /** Once: says why in one line, and exits with {@link #EXIT_CANNOT_RUN} from a thread of its own. */
    private void cannotRun(String why) {
        if (closing.get() || !failed.compareAndSet(false, true)) {
            return;
        }
        LOG.error("event=cannot-run cloud-backend cannot run and exits with status {}: {}", EXIT_CANNOT_RUN, why);
        // not on the thread that reported it: exiting runs the shutdown hook, which waits for that thread
        Thread.ofPlatform().name("cloud-backend-exit").start(() -> exit.accept(EXIT_CANNOT_RUN));
    }

    public CaseCycleStreams streams() {
        return streams;
    }

    public CaseCycleMetrics metrics() {
        return metrics;
    }

    /** The port {@code /health} and {@code /metrics} are served on. */
    public int httpPort() {
        return http.port();
    }

    /** Stops the HTTP endpoints, the projection, then the case cycle. */
    @Override
    public void close() {
        closing.set(true);
        if (http != null) {
            http.close();
        }
        if (projectionThread != null) {
            projection.close();
        }
        if (streams != null) {
            streams.close();
        }
        metrics.close();
    }
}
