package org.citygrid.bench.e2e;

import org.citygrid.bench.measure.Percentiles;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.citygrid.demo.DemoException;
import org.citygrid.demo.Schedule;

/**
 * Paced round trips to PostGIS over JDBC, autocommit: insert a point, then read it back by id with
 * {@code ST_AsText}. The floor under the projection's writes and the API's reads, in the same database.
 */
final class PostgisRoundTrip {
    private PostgisRoundTrip() {
    }

    static Percentiles measure(String jdbcUrl, double rate, Duration length) throws InterruptedException {
        List<Long> latencies = new ArrayList<>();
        long count = Math.max(1, Math.round(rate * length.toSeconds()));
        long period = Math.round(1e9 / rate);
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS public.bench_roundtrip (id bigserial PRIMARY KEY,"
                        + " position geometry(Point, 4326) NOT NULL)");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO public.bench_roundtrip (position)"
                    + " VALUES (ST_SetSRID(ST_MakePoint(?, ?), 4326)) RETURNING id");
                 PreparedStatement select = c.prepareStatement(
                         "SELECT ST_AsText(position) FROM public.bench_roundtrip WHERE id = ?")) {
                long start = System.nanoTime();
                for (long i = 0; i < count; i++) {
                    Schedule.sleepUntil(start + i * period);
                    long t0 = System.nanoTime();
                    insert.setDouble(1, 116.40 + i * 1e-6);
                    insert.setDouble(2, 39.91);
                    long id;
                    try (ResultSet rs = insert.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    select.setLong(1, id);
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            throw new DemoException("the row just inserted is not there");
                        }
                    }
                    latencies.add(System.nanoTime() - t0);
                }
            }
        } catch (SQLException e) {
            throw new DemoException("the PostGIS baseline failed: " + e.getMessage(), e);
        }
        return Percentiles.ofNanos(latencies);
    }
}
