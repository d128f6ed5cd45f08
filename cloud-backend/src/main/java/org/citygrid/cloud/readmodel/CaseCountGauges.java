package org.citygrid.cloud.readmodel;

import static org.citygrid.contracts.readmodel.CasesTable.NAME;
import static org.citygrid.contracts.readmodel.CasesTable.OVERDUE;
import static org.citygrid.contracts.readmodel.CasesTable.STATE;
import static org.citygrid.contracts.readmodel.CasesTable.TERMINAL;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.citygrid.model.cases.CaseState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city's cases by state, and the open ones overdue, as gauges: counted in the read model (the
 * states are indexed), at most once per {@link #FRESH} however often they are scraped. While the
 * database is away the gauges keep their last counts.
 */
public final class CaseCountGauges {

    static final Duration FRESH = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(CaseCountGauges.class);
    private static final String BY_STATE = "SELECT " + STATE + ", count(*) FROM " + NAME + " GROUP BY " + STATE;
    private static final String OVERDUE_OPEN = "SELECT count(*) FROM " + NAME + " WHERE NOT " + TERMINAL
            + " AND cardinality(" + OVERDUE + ") > 0";

    private final ReadModelDatabase database;
    private final Clock clock;
    private final Map<CaseState, Long> byState = new EnumMap<>(CaseState.class);
    private long overdue;
    private Instant countedAt = Instant.MIN;

    private CaseCountGauges(ReadModelDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Registers {@code citygrid.cloud.cases} (tag {@code state}) and {@code citygrid.cloud.cases.overdue}. */
    public static void bind(ReadModelDatabase database, MeterRegistry registry) {
        CaseCountGauges counts = new CaseCountGauges(database, Clock.systemUTC());
        for (CaseState state : CaseState.values()) {
            Gauge.builder("citygrid.cloud.cases", counts, c -> c.of(state)).tag("state", state.name())
                    .description("cases in the read model by state").register(registry);
        }
        Gauge.builder("citygrid.cloud.cases.overdue", counts, CaseCountGauges::overdue)
                .description("open cases with a stage overdue").register(registry);
    }

    private synchronized double of(CaseState state) {
        refresh();
        return byState.getOrDefault(state, 0L);
    }

    private synchronized double overdue() {
        refresh();
        return overdue;
    }

    private void refresh() {
        Instant now = clock.instant();
        if (Duration.between(countedAt, now).compareTo(FRESH) < 0) {
            return;
        }
        countedAt = now;
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            Map<CaseState, Long> counted = new EnumMap<>(CaseState.class);
            try (ResultSet rs = st.executeQuery(BY_STATE)) {
                while (rs.next()) {
                    counted.put(CaseState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            try (ResultSet rs = st.executeQuery(OVERDUE_OPEN)) {
                overdue = rs.next() ? rs.getLong(1) : 0;
            }
            byState.clear();
            byState.putAll(counted);
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("cannot count the cases now: {}", e.getMessage());
        }
    }
}
