package org.citygrid.api.accounts;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.citygrid.api.errors.Unauthenticated;
import org.citygrid.model.hash.Sha256;

/**
 * A session is a family of refresh tokens: the first is issued at sign-in, and each use of the
 * current one replaces it with the next (rotation), which lives {@code lifetime} from its issue. A
 * replaced token presented again means that two holders have it, the person and someone who copied
 * it: the whole family is revoked and both must sign in again. Only SHA-256 of each token's key is
 * stored.
 */
@Singleton
public class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokens tokens;
    private final AccountRepository accounts;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration reuseGrace;

    Sessions(RefreshTokens tokens, AccountRepository accounts, Clock clock,
             @Value("${citygrid.tokens.refresh.lifetime:P30D}") Duration lifetime,
             @Value("${citygrid.tokens.refresh.reuse-grace:0s}") Duration reuseGrace) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
        this.lifetime = lifetime;
        this.reuseGrace = reuseGrace;
    }

    /** Starts a session for {@code account}, which has just signed in; returns its first refresh key. */
    public String start(Account account) {
        String key = newKey();
        String sha = Sha256.hex(key);
        Instant now = clock.instant();
        tokens.insert(RefreshTokens.Issued.fresh(sha, account.id(), sha, now, now.plus(lifetime)));
        return key;
    }

    /**
     * Uses the refresh key: the account as it is now, and the key that replaces this one.
     *
     * @throws Unauthenticated when the key is unknown, expired or revoked, was replaced already (the
     *                         family is then revoked), or the account is disabled
     */
    public Renewal renew(String key) {
        Instant now = clock.instant();
        RefreshTokens.Issued used = tokens.find(Sha256.hex(key)).orElseThrow(() -> refused("refresh-token-invalid",
                "此刷新令牌无效，请重新登录 / this refresh token is not valid: sign in again"));
        if (used.revoked()) {
            throw refused("refresh-token-revoked", "此刷新令牌已被注销，请重新登录 / this refresh token was revoked "
                    + "(signed out, or the account was disabled): sign in again");
        }
        boolean withinGrace = used.replacedAt() != null && now.isBefore(used.replacedAt().plus(reuseGrace));
        if (used.replacedAt() != null && !withinGrace) {
            throw reused(used);
        }
        if (!now.isBefore(used.expiresAt())) {
            throw refused("refresh-token-expired", "此刷新令牌已过期，请重新登录 / this refresh token has expired: sign in again");
        }
        Account account = accounts.byId(used.accountId()).filter(a -> !a.disabled())
                .orElseThrow(() -> refused("account-disabled", "此账号已被停用 / this account is disabled"));
        String next = newKey();
        RefreshTokens.Issued issued = RefreshTokens.Issued.fresh(Sha256.hex(next), account.id(), used.familyId(), now,
                now.plus(lifetime));
        if (withinGrace) {
            // a second request of the same client, sent before it had the first one's answer
            tokens.insert(issued);
        } else if (!tokens.rotate(used.tokenSha256(), issued, now)) {
            // another request rotated it between our read and our write: the same as using it twice
            throw reused(used);
        }
        return new Renewal(account, next);
    }

    /** Ends every session of the account (sign-out everywhere). */
    public void endAll(String accountId) {
        tokens.revokeAll(accountId);
    }

    private Unauthenticated reused(RefreshTokens.Issued used) {
        tokens.revokeFamily(used.familyId());
        return refused("refresh-token-reused", "此刷新令牌已使用过：为安全起见，这次登录的所有会话都已注销，请重新登录 / "
                + "this refresh token was already used once, so someone else may hold it: every session of that "
                + "sign-in has been signed out; sign in again");
    }

    private static Unauthenticated refused(String reason, String detail) {
        return new Unauthenticated(reason, "Refresh refused", detail);
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The account a refresh is for, and the key of the token that replaces the one used. */
    public record Renewal(Account account, String key) {
    }
}
