package org.citygrid.api.reports;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A report from the app.
 *
 * @param categoryCode a component or event category, e.g. {@code C0101}
 * @param position     where, in the coordinate system of the phone's map ({@code crs})
 * @param photos       refs returned by {@code POST /api/v1/photos}, at most six
 * @param anonymous    hide the reporter from the public (staff still see who it was)
 * @param observedAt   when the problem was seen; now when absent
 */
@Introspected
public record NewReport(
        @NotBlank String categoryCode,
        @Nullable String description,
        @NotNull @Valid PositionInput position,
        @Nullable @Size(max = 6) List<@NotBlank String> photos,
        @Nullable Boolean anonymous,
        @Nullable Instant observedAt) {

    /** Longitude/latitude as the client's map gives them; {@code crs} wgs84 (default), gcj02 or bd09. */
    @Introspected
    public record PositionInput(@NotNull Double lon, @NotNull Double lat, @Nullable String crs) {
    }
}
