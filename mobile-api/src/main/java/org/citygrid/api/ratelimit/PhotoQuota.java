package org.citygrid.api.ratelimit;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.citygrid.api.errors.Throttled;

/**
 * Photos one account may upload per day ({@code citygrid.rate-limits.photos-per-day}, default 200), a day being
 * a calendar day in the city's zone (Asia/Shanghai), as people count "today". The count is what the photo store
 * holds, so it is the same on every instance and survives a restart.
 */
@Singleton
public class PhotoQuota {

    /** The city's zone: a day's quota starts at midnight in Beijing. */
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final int perDay;
    private final Clock clock;

    PhotoQuota(@Value("${citygrid.rate-limits.photos-per-day:200}") int perDay, Clock clock) {
        if (perDay < 1) {
            throw new IllegalArgumentException("citygrid.rate-limits.photos-per-day must be at least 1");
        }
        this.perDay = perDay;
        this.clock = clock;
    }

    /** Where today began, for counting today's uploads. */
    public Instant startOfToday() {
        return LocalDate.now(clock.withZone(CITY_ZONE)).atStartOfDay(CITY_ZONE).toInstant();
    }

    /** Refuses another upload (429 until midnight in Beijing) when {@code uploadedToday} reached the quota. */
    public void check(long uploadedToday) {
        if (uploadedToday >= perDay) {
            Instant now = clock.instant();
            Instant midnight = LocalDate.now(clock.withZone(CITY_ZONE)).plusDays(1).atStartOfDay(CITY_ZONE).toInstant();
            throw Throttled.counted("daily-quota", "今日照片上传已达上限（每天 " + perDay + " 张）",
                    "today's photo uploads are used up (" + perDay + " a day)", Duration.between(now, midnight));
        }
    }
}
