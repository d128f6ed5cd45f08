package org.citygrid.demo.drills;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.citygrid.contracts.readmodel.CaseEventsTable;
import org.citygrid.model.geo.GeoPoint;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;

/**
 * The normal report the poison drill sends after each hostile input: a grid worker's patrol report, posted to the
 * edge node's {@code /r} by a field device, and watched for in the read model ({@code grid.case_events}, by its
 * {@code intake:} command id) from a thread of its own, so each one's time from the post to the read model is
 * measured while the drill goes on with the next hostile input.
 */
final class NormalReports implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_MILLIS = 200;

    /** One normal report: sent after the hostile input {@code after}; {@code landedNanos} 0 until it arrived. */
    static final class Sent {
        final String after;
        final String intakeId;
        final String refused;
        final long sentNanos;
        volatile long landedNanos;
        volatile int transitions;

        Sent(String after, String intakeId, String refused) {
            this.after = after;
            this.intakeId = intakeId;
            this.refused = refused;
            this.sentNanos = System.nanoTime();
        }

        boolean acknowledged() {
            return intakeId != null;
        }

        /** From the post to the read model; null while it has not arrived. */
        Duration took() {
            return landedNanos == 0 ? null : Duration.ofNanos(landedNanos - sentNanos);
        }
    }

    private final EdgeDoor edge;
    private final String deviceId;
    private final GeoPoint at;
    private final String category;
    private final String jdbcUrl;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Thread watcher;
    private volatile boolean watching = true;
    private int next;

    NormalReports(EdgeDoor edge, String deviceId, GeoPoint at, String category, String jdbcUrl) {
        this.edge = edge;
        this.deviceId = deviceId;
        this.at = at;
        this.category = category;
        this.jdbcUrl = jdbcUrl;
        this.watcher = Thread.ofPlatform().daemon().name("poison-normal-reports").start(this::watch);
    }

    /** Posts the next normal report; the answer is the node's 2.01 with the intake id, or why there was none. */
    Sent send(String after) {
        String id = "normal-" + (++next) + "-" + Long.toHexString(System.nanoTime());
        Map<String, Object> report = Map.of("id", id, "device", deviceId, "category", category,
                "position", Map.of("lon", at.lon(), "lat", at.lat()), "text", "巡查 normal patrol report");
        Sent s;
        try {
            CoapResponse r = edge.postPlain("/r", MediaTypeRegistry.APPLICATION_JSON, JSON.writeValueAsBytes(report));
            if (r == null) {
                s = new Sent(after, null, "no answer");
            } else if (!r.isSuccess()) {
                s = new Sent(after, null, r.getCode() + " " + new String(r.getPayload(), StandardCharsets.UTF_8));
            } else {
                JsonNode body = JSON.readTree(r.getPayload());
                s = new Sent(after, body.path("intakeId").asText(), null);
            }
        } catch (Exception e) {
            s = new Sent(after, null, e.toString());
        }
        sent.add(s);
        return s;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Waits until every acknowledged report has arrived, or {@code limit} after the last was sent. */
    void awaitAll(Duration limit) throws InterruptedException {
        long deadline = sent.isEmpty() ? 0 : sent.getLast().sentNanos + limit.toNanos();
        while (System.nanoTime() < deadline && sent.stream().anyMatch(s -> s.acknowledged() && s.landedNanos == 0)) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Counts each report's case transitions in the read model once more (after the drain): one each, or lost/doubled. */
    void recount() {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            for (Sent s : sent) {
                if (s.acknowledged()) {
                    s.transitions = transitions(c, s.intakeId);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the read model: " + e.getMessage(), e);
        }
    }

    private void watch() {
        while (watching) {
            try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                while (watching) {
                    for (Sent s : sent) {
                        if (s.acknowledged() && s.landedNanos == 0 && transitions(c, s.intakeId) > 0) {
                            s.landedNanos = System.nanoTime();
                        }
                    }
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (SQLException e) {
                pause(); // the read model's schema not there yet, or the database away: look again
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Raises and merges the report made, by its command id {@code intake:<intakeId>} (DrillCount's raise transitions). */
    private static int transitions(Connection c, String intakeId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + CaseEventsTable.NAME
                + " WHERE command_id = ? AND type IN ('Reported', 'DuplicateMerged')")) {
            s.setString(1, "intake:" + intakeId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The case the report made or joined, for the case actions of the corpus; null when it has none yet. */
    String caseOf(Sent s) {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement q = c.prepareStatement("SELECT case_id FROM " + CaseEventsTable.NAME
                     + " WHERE command_id = ? LIMIT 1")) {
            q.setString(1, "intake:" + s.intakeId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        watching = false;
        watcher.interrupt();
    }
}
