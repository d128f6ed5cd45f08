package org.citygrid.api.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.citygrid.api.errors.Throttled;

/**
 * A fixed-window counter per key: at most {@code limit} calls per {@code window}. Enough to blunt
 * password guessing and floods on one instance; several instances each count on their own, which the
 * documentation states. Old windows are dropped lazily when the map grows.
 */
public final class RateLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final String zh;
    private final String en;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this(limit, window, clock, "请求", "requests");
    }

    /** @param zh what is counted, in Chinese ("举报"); {@code en} in English, plural ("reports") */
    public RateLimiter(int limit, Duration window, Clock clock, String zh, String en) {
        if (limit < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a positive limit and window");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.zh = zh;
        this.en = en;
    }

    /**
     * Counts one call for {@code key}.
     *
     * @return {@link Duration#ZERO} when the call is allowed, otherwise how long until the window ends
     */
    public Duration acquire(String key) {
        Instant now = clock.instant();
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> !now.isBefore(w.end));
        }
        Window w = windows.compute(key, (k, old) ->
                old == null || !now.isBefore(old.end) ? new Window(now.plus(window), 1) : new Window(old.end, old.count + 1));
        return w.count <= limit ? Duration.ZERO : Duration.between(now, w.end);
    }

    /** Counts one call for {@code key}, or refuses it with {@link Throttled}, saying what the limit is. */
    public void check(String key) {
        Duration wait = acquire(key);
        if (!wait.isZero()) {
            throw Throttled.counted("rate-limited", zh + "过于频繁（每 " + Durations.zh(window) + "最多 " + limit + " 次）",
                    "too many " + en + " (at most " + limit + " per " + Durations.en(window) + ")", wait);
        }
    }

    private record Window(Instant end, int count) {
    }
}
