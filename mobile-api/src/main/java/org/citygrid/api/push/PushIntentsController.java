package org.citygrid.api.push;

import org.citygrid.api.accounts.Authorities;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** What push sent, or would have sent while off: operators see the intents either way. */
@Controller("/api/v1/operator/push-intents")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Authorities.CENTRE)
@Tag(name = "push")
class PushIntentsController {

    private final PushIntents intents;

    PushIntentsController(PushIntents intents) {
        this.intents = intents;
    }

    @Operation(summary = "The latest 200 push intents with their outcome", security = @SecurityRequirement(name = "bearer"))
    @Get
    List<PushIntents.Intent> latest() {
        return intents.latest(200);
    }
}
