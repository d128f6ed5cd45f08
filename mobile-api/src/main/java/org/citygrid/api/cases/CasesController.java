package org.citygrid.api.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.idempotency.Idempotency;
import org.citygrid.api.web.IdempotentResponses;

/** One case (with its timeline) and the steps people take on it. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "cases")
class CasesController {

    private final CaseViews views;
    private final CommandService commands;

    CasesController(CaseViews views, CommandService commands) {
        this.views = views;
        this.commands = commands;
    }

    @Operation(summary = "A case in your scope, with its full timeline and the steps you may take on it now (allowedActions)", security = @SecurityRequirement(name = "bearer"))
    @Get("/cases/{caseId}")
    CaseView one(@PathVariable String caseId, Authentication auth) {
        return views.one(CurrentUser.of(auth), caseId);
    }

    @Operation(summary = "Take a step on a case: the body is a case-command action of docs/wire-formats.md "
            + "(e.g. {\"type\":\"Accept\"}, {\"type\":\"Return\",\"reason\":\"...\"}) plus an optional expectedVersion. "
            + "202: sent to the case cycle; follow the Location to see it APPLIED or REJECTED",
            security = @SecurityRequirement(name = "bearer"))
    @Post("/cases/{caseId}/actions")
    HttpResponse<?> act(@PathVariable String caseId, @Header(Idempotency.HEADER) @Nullable String key,
                        @Body JsonNode body, Authentication auth) {
        return IdempotentResponses.of(commands.send(CurrentUser.of(auth), caseId, key, body));
    }

    @Operation(summary = "What became of a command you sent", security = @SecurityRequirement(name = "bearer"))
    @Get("/commands/{commandId}")
    CommandStatus status(@PathVariable String commandId, Authentication auth) {
        return commands.status(CurrentUser.of(auth), commandId);
    }
}
