package org.citygrid.api.accounts;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.citygrid.api.accounts.AccountRequests.AccountView;

/** Administrators disable and enable accounts. */
@Controller("/api/v1/admin/accounts/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
@Tag(name = "accounts")
class AdminAccountsController {

    private final AccountService service;

    AdminAccountsController(AccountService service) {
        this.service = service;
    }

    @Operation(summary = "Disable an account: its refresh tokens are revoked at once, its access tokens stop "
            + "working at its next request (within citygrid.accounts.standing-cache-time on other instances)",
            security = @SecurityRequirement(name = "bearer"))
    @Post("/disable")
    AccountView disable(@PathVariable String id, Authentication admin) {
        return AccountView.of(service.disable(id, admin.getName()));
    }

    @Operation(summary = "Enable an account again; its holder signs in afresh", security = @SecurityRequirement(name = "bearer"))
    @Post("/enable")
    AccountView enable(@PathVariable String id) {
        return AccountView.of(service.enable(id));
    }
}
