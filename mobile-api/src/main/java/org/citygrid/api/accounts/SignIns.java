package org.citygrid.api.accounts;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.citygrid.api.errors.Throttled;
import org.citygrid.api.errors.Unauthenticated;

/**
 * Checks a user name and password. Each account counts its failed attempts
 * ({@code citygrid.rate-limits.sign-in-per-account}, 10 in 15 minutes): once they are used up, the
 * account refuses every attempt with 429 until the window ends, before any password is hashed, from
 * whatever address and instance the attempts come. (Each address is limited too, before this runs:
 * {@link SignInLimitFilter}.) Success clears the count.
 */
@Singleton
public class SignIns {

    private static final DateTimeFormatter BEIJING_TIME = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final AccountRepository accounts;
    private final SignInFailures failures;
    private final PasswordHashing hashing;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    SignIns(AccountRepository accounts, SignInFailures failures, PasswordHashing hashing, Clock clock,
            @Value("${citygrid.rate-limits.sign-in-per-account.limit:10}") int limit,
            @Value("${citygrid.rate-limits.sign-in-per-account.window:PT15M}") Duration window) {
        if (limit < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("citygrid.rate-limits.sign-in-per-account needs a positive limit and window");
        }
        this.accounts = accounts;
        this.failures = failures;
        this.hashing = hashing;
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /**
     * The account whose password this is.
     *
     * @throws Unauthenticated when the user name is unknown, the password wrong or the account disabled
     * @throws Throttled       when the account's failed attempts are used up for now
     */
    public Account signIn(String username, String password) {
        Optional<Account> found = accounts.byUsername(username);
        if (found.isEmpty()) {
            throw wrong();
        }
        Account account = found.get();
        Instant now = clock.instant();
        SignInFailures.Count count = failures.count(account.id(), now);
        if (count.failures() >= limit) {
            throw locked(count.windowEnd(), now);
        }
        if (!hashing.matches(password, account.passwordHash())) {
            failures.record(account.id(), now, window);
            throw wrong();
        }
        if (count.failures() > 0) {
            failures.clear(account.id());
        }
        if (account.disabled()) {
            // told only to whoever knows the password: a guesser learns nothing
            throw new Unauthenticated("account-disabled", "Account disabled",
                    "此账号已被管理员停用 / an administrator has disabled this account");
        }
        return account;
    }

    // the same answer for an unknown user and a wrong password: no user-name probing
    private static Unauthenticated wrong() {
        return new Unauthenticated("sign-in-failed", "Sign-in failed",
                "用户名或密码错误 / wrong user name or password");
    }

    private Throttled locked(Instant until, Instant now) {
        String at = BEIJING_TIME.format(until);
        return new Throttled("sign-in-locked", "Too many failed sign-ins",
                "密码错误次数过多，此账号已暂时锁定，请在北京时间 " + at + " 之后再试 / too many wrong passwords: this "
                        + "account is locked until " + at + " (Beijing time); try again then",
                Duration.between(now, until));
    }
}
