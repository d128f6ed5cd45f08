package org.citygrid.api.reports;

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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.idempotency.Idempotency;
import org.citygrid.api.web.IdempotentResponses;

/** Residents' and patrollers' reports; operators enter hotline calls the same way. */
@Controller("/api/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
class ReportsController {

    private final ReportService service;

    ReportsController(ReportService service) {
        this.service = service;
    }

    @Operation(summary = "Report a problem. 202: handed to the case cycle; follow the Location",
            security = @SecurityRequirement(name = "bearer"))
    @Post
    @Secured({"RESIDENT", "GRID_WORKER", "ACCEPTOR"})
    HttpResponse<?> create(@Header(Idempotency.HEADER) @Nullable String key, @Body @Valid NewReport body,
                           Authentication auth) {
        return IdempotentResponses.of(service.submit(CurrentUser.of(auth), key, body));
    }

    @Operation(summary = "My reports, newest first, with the state of the case each became",
            security = @SecurityRequirement(name = "bearer"))
    @Get
    @Secured({"RESIDENT", "GRID_WORKER", "ACCEPTOR"})
    List<ReportView> mine(Authentication auth) {
        return service.mine(CurrentUser.of(auth), 100, false);
    }

    @Operation(summary = "One of my reports with its case's full timeline", security = @SecurityRequirement(name = "bearer"))
    @Get("/{id}")
    @Secured({"RESIDENT", "GRID_WORKER", "ACCEPTOR"})
    ReportView one(@PathVariable String id, Authentication auth) {
        return service.one(CurrentUser.of(auth), id);
    }
}
