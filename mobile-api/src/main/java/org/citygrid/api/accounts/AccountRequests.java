package org.citygrid.api.accounts;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.citygrid.model.cases.Role;

/** Request and response bodies of the accounts endpoints. */
public final class AccountRequests {

    private AccountRequests() {
    }

    static final String USERNAME = "[A-Za-z0-9._@-]{3,64}";

    /** A resident signs themselves up for their community. */
    @Introspected
    public record ResidentSignUp(
            @NotBlank @Pattern(regexp = USERNAME) String username,
            @NotBlank @Size(min = 10, max = 128) String password,
            @NotBlank @Size(max = 100) String displayName,
            @NotBlank @Pattern(regexp = "\\d{12}", message = "must be a 12-digit community code") String communityCode) {
    }

    /** An administrator creates a staff or resident account. */
    @Introspected
    public record NewAccount(
            @NotBlank @Pattern(regexp = USERNAME) String username,
            @NotBlank @Size(min = 10, max = 128) String password,
            @NotBlank @Size(max = 100) String displayName,
            @NotNull Role role,
            @Nullable @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String department,
            @Nullable @Pattern(regexp = "\\d{12}") String communityCode,
            @Nullable List<@Pattern(regexp = "\\d{14,15}") String> gridCodes) {
    }

    /** What an account looks like to its owner and to administrators: never the hash. */
    @Introspected
    public record AccountView(String id, String username, Role role, String displayName, String department,
                              String communityCode, List<String> gridCodes, boolean disabled) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.username(), a.role(), a.displayName(), a.department(),
                    a.communityCode(), a.gridCodes(), a.disabled());
        }
    }

    /** A user name and password to sign in with (JSON or a form). */
    @Introspected
    public record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 1024) String password) {
    }
}
