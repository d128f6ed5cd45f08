package org.citygrid.api.errors;

import java.time.Duration;
import java.util.List;

/**
 * The caller's rate limit or quota is used up for now; {@link #retryAfterSeconds()} says when to try again
 * (HTTP 429 with Retry-After, whole seconds rounded up). The detail says what was counted and when to come
 * back, in Chinese and English.
 */
public final class Throttled extends DomainError {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /** {@code what} is the counted thing in the plural, e.g. "sign-in attempts". */
    public Throttled(String what, Duration wait) {
        this("rate-limited", detail("请求过于频繁", "too many " + what, wait), seconds(wait));
    }

    private Throttled(String reason, String detail, long retryAfterSeconds) {
        super(reason, "Too many requests", detail, List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * A refusal that says what was used up in both languages.
     *
     * @param reason the problem type: {@code rate-limited} for a rate, {@code daily-quota} for a day's quota
     * @param zh     what was used up, in Chinese, e.g. "举报过于频繁（每 10 分钟最多 30 次）"
     * @param en     the same in English, e.g. "too many reports (at most 30 per 10 min)"
     */
    public static Throttled counted(String reason, String zh, String en, Duration wait) {
        return new Throttled(reason, detail(zh, en, wait), seconds(wait));
    }

    /** A refusal of its own kind ({@code reason}), with a detail that says when to come back. */
    public Throttled(String reason, String title, String detail, Duration wait) {
        super(reason, title, detail, List.of());
        this.retryAfterSeconds = Math.max(1, wait.toSeconds());
    }

    /** Whole seconds, at least one. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static String detail(String zh, String en, Duration wait) {
        return zh + "，请 " + seconds(wait) + " 秒后再试 / " + en + "; try again in " + seconds(wait) + " s";
    }

    private static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
