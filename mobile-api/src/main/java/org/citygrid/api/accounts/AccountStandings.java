package org.citygrid.api.accounts;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.citygrid.api.errors.Unauthenticated;

/**
 * Whether the holder of a valid access token may still act: the account exists, is enabled, and was
 * not cut off after the token was issued. An access token is a signed promise for 15 minutes; this is
 * what makes an administrator's "disable" take hold before it runs out. Each instance keeps what it
 * read for {@code citygrid.accounts.standing-cache-time} (5 s), so a disable takes hold at once on
 * the instance that made it and within that time on the others (they share the database).
 */
@Singleton
public class AccountStandings {

    private static final int MAX_CACHED = 50_000;

    private final AccountRepository accounts;
    private final Clock clock;
    private final Duration cacheTime;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    AccountStandings(AccountRepository accounts, Clock clock,
                     @Value("${citygrid.accounts.standing-cache-time:5s}") Duration cacheTime) {
        this.accounts = accounts;
        this.clock = clock;
        this.cacheTime = cacheTime;
    }

    /** What this instance knows without asking the database; empty when it must ask ({@link #check}). */
    public Optional<Optional<Unauthenticated>> known(String accountId, Instant issuedAt) {
        Cached c = cache.get(accountId);
        if (c == null || !clock.instant().isBefore(c.until)) {
            return Optional.empty();
        }
        return Optional.of(verdict(c.standing, issuedAt));
    }

    /**
     * Reads the account's standing (and keeps it for the cache time).
     *
     * @return why a token of this account issued at {@code issuedAt} no longer counts, or empty when it does
     */
    public Optional<Unauthenticated> check(String accountId, Instant issuedAt) {
        Optional<AccountRepository.Standing> standing = accounts.standing(accountId);
        if (cache.size() > MAX_CACHED) {
            Instant now = clock.instant();
            cache.values().removeIf(c -> !now.isBefore(c.until));
        }
        cache.put(accountId, new Cached(standing, clock.instant().plus(cacheTime)));
        return verdict(standing, issuedAt);
    }

    /** {@link #known} if this instance knows, else {@link #check}: may read the database. */
    public Optional<Unauthenticated> verdict(String accountId, Instant issuedAt) {
        return known(accountId, issuedAt).orElseGet(() -> check(accountId, issuedAt));
    }

    /** Forgets what this instance knew of the account: it was just changed here. */
    void forget(String accountId) {
        cache.remove(accountId);
    }

    private static Optional<Unauthenticated> verdict(Optional<AccountRepository.Standing> standing, Instant issuedAt) {
        if (standing.isEmpty()) {
            return Optional.of(new Unauthenticated("account-unknown", "Account unknown",
                    "此账号已不存在 / this account no longer exists"));
        }
        if (standing.get().disabled()) {
            return Optional.of(new Unauthenticated("account-disabled", "Account disabled",
                    "此账号已被管理员停用 / an administrator has disabled this account"));
        }
        Instant after = standing.get().tokensValidAfter();
        if (after != null && issuedAt != null && issuedAt.isBefore(after)) {
            return Optional.of(new Unauthenticated("token-revoked", "Token revoked",
                    "此令牌已失效，请重新登录 / this token no longer counts: sign in again"));
        }
        return Optional.empty();
    }

    private record Cached(Optional<AccountRepository.Standing> standing, Instant until) {
    }
}
