package org.citygrid.api.ratelimit;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.citygrid.api.errors.Throttled;

/**
 * The rates the API enforces, configured under {@code citygrid.rate-limits.<name>.limit} and {@code .window}
 * (docs/mobile-api.md, "Rate limits"). The defaults are far above what a person does by hand and what the
 * demo's simulated people do (a resident reports at most once every 25 s at the simulator's default pace,
 * 24 in 10 minutes), and far below a flood.
 */
@Factory
public class RateLimits {

    /** Sign-in attempts per client address. */
    public static final String SIGN_IN = "sign-in";
    /** New reports and service requests per account. */
    public static final String REPORTS = "reports";
    /** Steps on cases per account. */
    public static final String CASE_ACTIONS = "case-actions";
    /** Photo uploads per account (besides the day's quota, {@link PhotoQuota}). */
    public static final String PHOTOS = "photos";
    /** Open311 POSTs per api_key. */
    public static final String OPEN311_POSTS = "open311-posts";
    /** Public reads (Open311 GETs) per client address. */
    public static final String PUBLIC_READS = "public-reads";

    @Singleton
    @Named(SIGN_IN)
    RateLimiter signIn(@Value("${citygrid.rate-limits.sign-in.limit:10}") int limit,
                       @Value("${citygrid.rate-limits.sign-in.window:PT1M}") Duration window, Clock clock) {
        return new RateLimiter(limit, window, clock, "登录尝试", "sign-in attempts");
    }

    @Singleton
    @Named(REPORTS)
    RateLimiter reports(@Value("${citygrid.rate-limits.reports.limit:30}") int limit,
                        @Value("${citygrid.rate-limits.reports.window:PT10M}") Duration window, Clock clock) {
        return new RateLimiter(limit, window, clock, "举报", "reports");
    }

    @Singleton
    @Named(CASE_ACTIONS)
    RateLimiter caseActions(@Value("${citygrid.rate-limits.case-actions.limit:120}") int limit,
                            @Value("${citygrid.rate-limits.case-actions.window:PT1M}") Duration window, Clock clock) {
        return new RateLimiter(limit, window, clock, "案件操作", "case steps");
    }

    @Singleton
    @Named(PHOTOS)
    RateLimiter photos(@Value("${citygrid.rate-limits.photos.limit:30}") int limit,
                       @Value("${citygrid.rate-limits.photos.window:PT1M}") Duration window, Clock clock) {
        return new RateLimiter(limit, window, clock, "照片上传", "photo uploads");
    }

    @Singleton
    @Named(OPEN311_POSTS)
    RateLimiter open311Posts(@Value("${citygrid.rate-limits.open311-posts.limit:30}") int limit,
                             @Value("${citygrid.rate-limits.open311-posts.window:PT1M}") Duration window, Clock clock) {
        return new RateLimiter(limit, window, clock, "Open311 提交", "Open311 requests posted with this api_key");
    }

    @Singleton
    @Named(PUBLIC_READS)
    RateLimiter publicReads(@Value("${citygrid.rate-limits.public-reads.limit:120}") int limit,
                            @Value("${citygrid.rate-limits.public-reads.window:PT1M}") Duration window, Clock clock) {
        return new RateLimiter(limit, window, clock, "公开查询", "public reads from this address");
    }

    /** Throws {@link Throttled} (429) when {@code limiter} refuses {@code key}; {@code what} names the counted calls. */
    public static void check(RateLimiter limiter, String key, String what) {
        Duration wait = limiter.acquire(key);
        if (!wait.isZero()) {
            throw new Throttled(what, wait);
        }
    }
}
