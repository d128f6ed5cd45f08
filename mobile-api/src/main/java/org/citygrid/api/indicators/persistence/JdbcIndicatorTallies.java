package org.citygrid.api.indicators.persistence;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.citygrid.api.indicators.IndicatorQuery;
import org.citygrid.api.indicators.IndicatorTallies;
import org.citygrid.api.persistence.DataAccessException;
import org.citygrid.contracts.readmodel.IndicatorsTable;
import org.citygrid.model.indicator.Counter;
import org.citygrid.model.indicator.IndicatorTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IndicatorTallies} in SQL. Reads cloud-backend's daily tallies (grid.indicators, docs/read-model.md) and adds them up over a
 * range of days. The database sums the counters, so a year of unit grids is one grouped query and
 * not a million rows; everything computed from the sums (the rates) is grid-model's
 * {@link org.citygrid.model.indicator.Indicators}.
 */
@Singleton
final class JdbcIndicatorTallies implements IndicatorTallies {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcIndicatorTallies.class);

    private final DataSource dataSource;

    JdbcIndicatorTallies(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The tally of every code of the query's dimension and level that counted something in its days, by code. */
    @Override
    public TreeMap<String, IndicatorTally> byCode(IndicatorQuery query) {
        // uses indicators_code_idx (dimension, code, day) or the primary key's day prefix
        String sql = "SELECT i.code, c.key, sum(c.value::bigint) FROM " + IndicatorsTable.NAME + " i, jsonb_each_text(i.counts) c "
                + "WHERE i.dimension = ? AND i.level = ? AND i.day BETWEEN ? AND ? GROUP BY i.code, c.key";
        Map<String, EnumMap<Counter, Long>> sums = new TreeMap<>();
        query(sql, query, null, (key, counter, amount) ->
                sums.computeIfAbsent(key, k -> new EnumMap<>(Counter.class)).put(counter, amount));
        TreeMap<String, IndicatorTally> out = new TreeMap<>();
        sums.forEach((code, counts) -> out.put(code, new IndicatorTally(counts)));
        return out;
    }

    /** The tally of the query's code on each day of the query; days that counted nothing are absent. */
    @Override
    public Map<LocalDate, IndicatorTally> byDay(IndicatorQuery query) {
        String sql = "SELECT i.day::text, c.key, sum(c.value::bigint) FROM " + IndicatorsTable.NAME + " i, jsonb_each_text(i.counts) c "
                + "WHERE i.dimension = ? AND i.level = ? AND i.day BETWEEN ? AND ? AND i.code = ? GROUP BY i.day, c.key";
        Map<LocalDate, EnumMap<Counter, Long>> sums = new TreeMap<>();
        query(sql, query, query.code(), (key, counter, amount) ->
                sums.computeIfAbsent(LocalDate.parse(key), k -> new EnumMap<>(Counter.class)).put(counter, amount));
        Map<LocalDate, IndicatorTally> out = new LinkedHashMap<>();
        sums.forEach((day, counts) -> out.put(day, new IndicatorTally(counts)));
        return out;
    }

    private interface Sum {
        void add(String key, Counter counter, long amount);
    }

    private void query(String sql, IndicatorQuery query, String code, Sum sum) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, query.dimension().column());
            s.setString(2, query.level());
            s.setDate(3, Date.valueOf(query.from()));
            s.setDate(4, Date.valueOf(query.to()));
            if (code != null) {
                s.setString(5, code);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Counter counter = counter(rs.getString(2));
                    if (counter != null) {
                        sum.add(rs.getString(1), counter, rs.getLong(3));
                    }
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read " + IndicatorsTable.NAME, e);
        }
    }

    // a newer cloud-backend may count something this build does not know yet: leave it out, keep the rest
    private static Counter counter(String name) {
        try {
            return Counter.valueOf(name);
        } catch (IllegalArgumentException e) {
            LOG.debug("ignoring counter {} unknown to this grid-model", name);
            return null;
        }
    }
}
