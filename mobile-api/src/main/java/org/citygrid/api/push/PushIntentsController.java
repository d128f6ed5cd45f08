package org.citygrid.api.push;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.citygrid.api.support.DataAccessException;

/** What push sent, or would have sent while off: operators see the intents either way. */
@Controller("/api/v1/operator/push-intents")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("OPERATOR")
@Tag(name = "push")
class PushIntentsController {

    private final DataSource dataSource;

    PushIntentsController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record Intent(long id, String target, String title, String body, String outcome, String detail, Instant at) {
    }

    @Operation(summary = "The latest 200 push intents with their outcome", security = @SecurityRequirement(name = "bearer"))
    @Get
    List<Intent> latest() {
        String sql = "SELECT id, target, title, body, outcome, detail, created_at FROM api.push_intents ORDER BY id DESC LIMIT 200";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            List<Intent> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Intent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read push intents", e);
        }
    }
}
