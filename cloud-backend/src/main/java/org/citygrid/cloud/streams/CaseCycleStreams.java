package org.citygrid.cloud.streams;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.citygrid.cloud.config.CaseCycleSettings;
import org.citygrid.cloud.geocode.GridLocator;
import org.citygrid.cloud.health.Health;
import org.citygrid.cloud.metrics.CaseCycleMetrics;
import org.citygrid.model.cases.CaseRules;
import org.citygrid.model.category.CategoryCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case cycle's Kafka Streams client: started on the topology, its metrics bound to the registry,
 * and its end reported. A stream thread that fails (what the error handlers do not set aside: Kafka
 * itself failing) would fail again on the same record after a restart of the thread, so the client
 * shuts down instead, and {@code onFatal} hears why: the process exits, a supervisor restarts it, and
 * exactly-once has kept the state.
 */
public final class CaseCycleStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CaseCycleStreams.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private volatile Throwable failure;

    private CaseCycleStreams(KafkaStreams streams, KafkaStreamsMetrics metrics) {
        this.streams = streams;
        this.metrics = metrics;
    }

    /**
     * @param onFatal told, once, why the case cycle cannot run any more (the client went to ERROR)
     */
    public static CaseCycleStreams start(CaseCycleSettings settings, CaseRules rules, CategoryCatalogue catalogue,
                                         GridLocator locator, CaseCycleMetrics metrics, Consumer<String> onFatal) {
        KafkaStreams streams = new KafkaStreams(CaseCycleTopology.build(settings, rules, catalogue, locator, metrics),
                CaseCycleTopology.streamsProperties(settings, metrics));
        KafkaStreamsMetrics bound = new KafkaStreamsMetrics(streams);
        bound.bindTo(metrics.registry());
        CaseCycleStreams out = new CaseCycleStreams(streams, bound);
        streams.setUncaughtExceptionHandler(e -> {
            out.failure = e;
            LOG.error("the case cycle stopped on an error", e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR) {
                Throwable cause = out.failure;
                onFatal.accept("the case cycle's Kafka Streams client is in state ERROR"
                        + (cause == null ? "" : ": " + DeadLetters.reason(cause)));
            }
        });
        streams.start();
        return out;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** For {@code /health}: UP while running or rebalancing (a normal moment of a group that changes), else DOWN. */
    public Health.Part health() {
        KafkaStreams.State state = streams.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        Throwable cause = failure;
        return new Health.Part("streams", state.name(), up ? Health.Status.UP : Health.Status.DOWN,
                up ? null : cause != null ? DeadLetters.reason(cause) : "the case cycle is not running");
    }

    /**
     * Stops the case cycle, which leaves its consumer group on the way out. Kafka Streams stays in the group by
     * default, which pays only with static membership (CITYGRID_INSTANCE_ID) and only if the same instance comes
     * back: without it the next instance joins under a new member id, and the group coordinator holds that
     * rebalance until the old member's session times out (CITYGRID_SESSION_TIMEOUT, 45 s). A redeploy then
     * dispatched nothing for that long; leaving makes the next instance's join complete at once, and a stopped
     * instance that is not coming back gives its tasks away at once.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        metrics.close();
    }
}
