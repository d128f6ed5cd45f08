package org.citygrid.api.open311;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.citygrid.api.kafka.GridPublisher;
import org.citygrid.api.problem.ProblemException;
import org.citygrid.api.support.CityArea;
import org.citygrid.api.support.DataAccessException;
import org.citygrid.api.support.PlainText;
import org.citygrid.api.support.Positions;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryKind;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.intake.IntakeRecord;

/**
 * An Open311 POST as an intake record on grid.intake (channel OPEN311). The spec's lat/long are
 * WGS 84. Contact details (email, name, phone) are not kept: the case cycle has no use for them and
 * a leak of them would be ours. media_url is not fetched (the server would fetch arbitrary URLs).
 */
@Singleton
class GeoReportIntake {

    private final ApiKeys keys;
    private final GridPublisher publisher;
    private final CityArea city;
    private final DataSource dataSource;
    private final Clock clock;

    GeoReportIntake(ApiKeys keys, GridPublisher publisher, CityArea city, DataSource dataSource, Clock clock) {
        this.keys = keys;
        this.publisher = publisher;
        this.city = city;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Publishes the request and returns its token; the same Idempotency-Key gives the same token. */
    String submit(Map<String, String> form, Category category, String idempotencyKey) {
        ApiKeys.Client client = keys.verify(form.get("api_key"))
                .orElseThrow(() -> new Open311Exception(403, "a valid api_key is required"));
        if (category.kind() == CategoryKind.SERVICE) {
            throw new Open311Exception(400, "service_code " + category.code() + " is a community service, not a problem report");
        }
        GeoPoint where = position(form);
        String description;
        try {
            description = PlainText.check("description", form.get("description"), 2000);
        } catch (ProblemException e) {
            throw new Open311Exception(400, e.getMessage());
        }
        String token = "o311-" + (idempotencyKey == null ? UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                : sha256(client.id() + "\n" + idempotencyKey).substring(0, 16));
        String reporter = "open311:" + client.name().replace(' ', '-');
        IntakeRecord record = IntakeRecord.report(token, Channel.OPEN311, reporter, clock.instant(),
                category.code().toString(), where, description, reporter, false, List.of());
        publisher.intake(record);
        remember(token, client.id());
        return token;
    }

    boolean knows(String token) {
        String sql = "SELECT 1 FROM api.open311_requests WHERE token = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, token);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read Open311 tokens", e);
        }
    }

    private GeoPoint position(Map<String, String> form) {
        String lat = form.get("lat");
        String lon = form.get("long");
        if (lat == null || lon == null) {
            throw new Open311Exception(400, "lat and long are required (address_string and address_id alone are not geocoded)");
        }
        try {
            return Positions.toWgs84("position", Double.parseDouble(lon), Double.parseDouble(lat), "wgs84", city);
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, "lat and long must be decimal degrees");
        } catch (ProblemException e) {
            throw new Open311Exception(400, e.getMessage());
        }
    }

    private void remember(String token, String keyId) {
        String sql = "INSERT INTO api.open311_requests (token, key_id, created_at) VALUES (?,?,?) ON CONFLICT DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, token);
            s.setString(2, keyId);
            s.setTimestamp(3, Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot record an Open311 token", e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
