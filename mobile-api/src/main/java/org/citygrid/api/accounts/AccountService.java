package org.citygrid.api.accounts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.citygrid.api.errors.Conflict;
import org.citygrid.api.errors.Invalid;
import org.citygrid.api.validation.Texts;
import org.citygrid.model.cases.Role;

/** Creates accounts with hashed passwords and the scope their role needs. */
@Singleton
public class AccountService {

    private final AccountRepository repository;
    private final PasswordHasher hasher;
    private final Clock clock;

    AccountService(AccountRepository repository, PasswordHasher hasher, Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
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
                hasher.hash(password), role, displayName, role == Role.HANDLER ? department : null,
                communityCode, role == Role.GRID_WORKER ? gridCodes : List.of(), false);
        if (!repository.insert(account, clock.instant())) {
            throw new Conflict("username-taken", "User name taken",
                    "the user name " + username + " is taken");
        }
        return account;
    }

    private static String prefix(Role role) {
        return switch (role) {
            case RESIDENT -> "resident-";
            case GRID_WORKER -> "worker-";
            case HANDLER -> "handler-";
            case OPERATOR -> "operator-";
            case ADMIN, SYSTEM -> "admin-";
        };
    }
}
