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

/** Residents' community service requests (the catalogue's S categories): repairs, certificates, appointments. */
@Controller("/api/v1/service-requests")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("RESIDENT")
@Tag(name = "services")
class ServiceRequestsController {

    private final ReportService service;

    ServiceRequestsController(ReportService service) {
        this.service = service;
    }

    @Operation(summary = "Ask for a community service; 202, follow the Location", security = @SecurityRequirement(name = "bearer"))
    @Post
    HttpResponse<?> create(@Header(Idempotency.HEADER) @Nullable String key, @Body @Valid NewReport body,
                           Authentication auth) {
        return IdempotentResponses.of(service.submitServiceRequest(CurrentUser.of(auth), key, body));
    }

    @Operation(summary = "My service requests with their status", security = @SecurityRequirement(name = "bearer"))
    @Get
    List<ReportView> mine(Authentication auth) {
        return service.mine(CurrentUser.of(auth), 100, true);
    }

    @Operation(summary = "One of my service requests with its timeline", security = @SecurityRequirement(name = "bearer"))
    @Get("/{id}")
    ReportView one(@PathVariable String id, Authentication auth) {
        return service.one(CurrentUser.of(auth), id);
    }
}
