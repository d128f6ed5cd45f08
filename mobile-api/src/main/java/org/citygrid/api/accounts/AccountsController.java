package org.citygrid.api.accounts;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.citygrid.api.accounts.AccountRequests.AccountView;
import org.citygrid.api.accounts.AccountRequests.NewAccount;
import org.citygrid.api.accounts.AccountRequests.ResidentSignUp;
import org.citygrid.api.errors.NotFound;
import org.citygrid.model.cases.Role;

/** Sign-up, staff accounts, and "who am I". Sign-in, refresh and sign-out: {@link SignInController}. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "accounts")
class AccountsController {

    private final AccountService service;
    private final AccountRepository repository;

    AccountsController(AccountService service, AccountRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    @Operation(summary = "A resident signs up for their community (rate-limited per client address)")
    @Post("/accounts/residents")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @CountedAsSignIn
    HttpResponse<AccountView> signUp(@Body @Valid ResidentSignUp body) {
        Account a = service.create(body.username(), body.password(), body.displayName(), Role.RESIDENT, null,
                body.communityCode(), null);
        return HttpResponse.status(HttpStatus.CREATED).body(AccountView.of(a));
    }

    @Operation(summary = "An administrator creates an account of any role", security = @SecurityRequirement(name = "bearer"))
    @Post("/accounts")
    @Secured("ADMIN")
    HttpResponse<AccountView> create(@Body @Valid NewAccount body) {
        Account a = service.create(body.username(), body.password(), body.displayName(), body.role(),
                body.department(), body.communityCode(), body.gridCodes());
        return HttpResponse.status(HttpStatus.CREATED).body(AccountView.of(a));
    }

    @Operation(summary = "The signed-in account", security = @SecurityRequirement(name = "bearer"))
    @Get("/accounts/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AccountView me(Authentication auth) {
        return repository.byId(auth.getName()).map(AccountView::of)
                .orElseThrow(() -> new NotFound("no account " + auth.getName()));
    }

}
