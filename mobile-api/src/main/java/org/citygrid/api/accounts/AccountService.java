package org.citygrid.api.accounts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.citygrid.api.errors.Conflict;
import org.citygrid.api.errors.Invalid;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.validation.Texts;
import org.citygrid.model.cases.Role;

/** Creates accounts with hashed passwords and the scope their role needs. */
@Singleton
public class AccountService {

    private final AccountRepository repository;
    private final PasswordHashing hashing;
    private final AccountStandings standings;
    private final Clock clock;

    AccountService(AccountRepository repository, PasswordHashing hashing, AccountStandings standings, Clock clock) {
        this.repository = repository;
        this.hashing = hashing;
        this.standings = standings;
        this.clock = clock;
    }

    public Account create(String username, String password, String displayName, Role role, String department,
                          String communityCode, List<String> gridCodes) {
        if (role == Role.SYSTEM) {
            throw Invalid.field("role", "SYSTEM is the case cycle itself, not a person");
        }
        if (role == Role.HANDLER && department == null) {
            throw Invalid.field("department", "a handler acts for a department");
        }
        if (role == Role.RESIDENT && communityCode == null) {
            throw Invalid.field("communityCode", "a resident belongs to a community");
        }
        // shown to staff and in case timelines: plain text like every other free text
        Texts.accept(org.citygrid.model.text.TextRules.label().named("displayName"), displayName);
        Account account = new Account(prefix(role) + UUID.randomUUID().toString().substring(0, 8), username,
                hashing.hash(password), role, displayName, role == Role.HANDLER ? department : null,
                communityCode, role == Role.GRID_WORKER ? gridCodes : List.of(), false);
        if (!repository.insert(account, clock.instant())) {
            throw new Conflict("username-taken", "User name taken",
                    "the user name " + username + " is taken");
        }
        return account;
    }

    /**
     * An administrator disables an account: its refresh tokens are revoked at once, and its access
     * tokens stop counting at its next request ({@link AccountStandings}). Administrators cannot
     * disable themselves, so the last one cannot lock everybody out.
     */
    public Account disable(String accountId, String byAdmin) {
        if (accountId.equals(byAdmin)) {
            throw new Conflict("cannot-disable-yourself", "Cannot disable yourself",
                    "管理员不能停用自己的账号 / an administrator cannot disable their own account");
        }
        // a token's issue time is in whole seconds: every token of this second or before is cut off (a
        // sign-in after an enable within the same second too, which then signs in again)
        if (!repository.disable(accountId, clock.instant())) {
            throw new NotFound("no account " + accountId);
        }
        standings.forget(accountId);
        return repository.byId(accountId).orElseThrow(() -> new NotFound("no account " + accountId));
    }

    /** Enables an account again; the person signs in afresh (tokens cut off by the disable stay cut off). */
    public Account enable(String accountId) {
        if (!repository.enable(accountId)) {
            throw new NotFound("no account " + accountId);
        }
        standings.forget(accountId);
        return repository.byId(accountId).orElseThrow(() -> new NotFound("no account " + accountId));
    }

    private static String prefix(Role role) {
        return switch (role) {
            case RESIDENT -> "resident-";
            case GRID_WORKER -> "worker-";
            case HANDLER -> "handler-";
            case OPERATOR -> "operator-";
            case ACCEPTOR -> "acceptor-";
            case SHIFT_LEADER -> "shift-leader-";
            case DISPATCHER -> "dispatcher-";
            case LEADER -> "leader-";
            case ADMIN, SYSTEM -> "admin-";
        };
    }
}
