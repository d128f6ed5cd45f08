package org.citygrid.cloud;

import java.time.Duration;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.citygrid.cloud.geocode.GridLocator;
import org.citygrid.cloud.readmodel.Projection;
import org.citygrid.cloud.readmodel.ReadModelDatabase;
import org.citygrid.model.category.CatalogueCaseRules;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.worktime.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * cloud-backend as one running thing: the topics, the Streams application that runs the case
 * cycle, and the projection into PostGIS, started in that order and stopped in reverse.
 */
public final class CaseCycleApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CaseCycleApp.class);

    private final KafkaStreams streams;
    private final Projection projection;
    private final Thread projectionThread;

    private CaseCycleApp(KafkaStreams streams, Projection projection) {
        this.streams = streams;
        this.projection = projection;
        this.projectionThread = projection == null ? null : Thread.ofPlatform().name("readmodel-projection").unstarted(projection);
    }

    /**
     * Starts everything.
     *
     * @param withProjection false to run the Streams application alone (another instance projects)
     */
    public static CaseCycleApp start(CaseCycleSettings settings, GridLocator locator, boolean withProjection) {
        TopicSetup.ensure(settings);
        CategoryCatalogue catalogue = CategoryCatalogue.loadDefault();
        WorkingCalendar calendar = WorkingCalendar.chinaDefault();
        if (!calendar.covers(java.time.Year.now(calendar.zone()))) {
            LOG.warn("the working calendar has no holiday data for {}: only weekends count as days off", java.time.Year.now());
        }
        var rules = new CatalogueCaseRules(catalogue, calendar);
        Projection projection = null;
        if (withProjection) {
            ReadModelDatabase database = new ReadModelDatabase(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
            database.migrate();
            projection = new Projection(settings, database);
        }
        KafkaStreams streams = new KafkaStreams(CaseCycleTopology.build(settings, rules, catalogue, locator),
                CaseCycleTopology.streamsProperties(settings));
        streams.setUncaughtExceptionHandler(e -> {
            // a processing error would recur on the same record after a thread restart: stop loudly
            // instead, and let whatever supervises the process decide (exactly-once keeps the state)
            LOG.error("the case cycle stopped on an error", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        CaseCycleApp app = new CaseCycleApp(streams, projection);
        streams.start();
        if (app.projectionThread != null) {
            app.projectionThread.start();
        }
        return app;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /**
     * Stops the projection, then the case cycle, which leaves its consumer group on the way out. Kafka Streams
     * stays in the group by default, which pays only with static membership (CITYGRID_INSTANCE_ID) and only if the
     * same instance comes back: without it the next instance joins under a new member id, and the group coordinator
     * holds that rebalance until the old member's session times out (CITYGRID_SESSION_TIMEOUT, 45 s). A redeploy
     * then dispatched nothing for that long; leaving makes the next instance's join complete at once, and a stopped
     * instance that is not coming back gives its tasks away at once.
     */
    @Override
    public void close() {
        if (projection != null) {
            projection.close();
        }
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
