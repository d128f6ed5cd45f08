package org.citygrid.api.desk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.citygrid.api.accounts.CurrentUser;

/**
 * The desk (工作台) of the centres' posts and of the departments' handlers: queue counts, pages of a
 * queue and search (docs/console.md). Who has which queues is {@link DeskPosts}; a role without a
 * desk is answered 403.
 */
@Controller("/api/v1/desk")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "desk")
class DeskController {

    private final DeskService desk;

    DeskController(DeskService desk) {
        this.desk = desk;
    }

    @Operation(summary = "My desk: my post, and each of its queues' count and oldest wait", security = @SecurityRequirement(name = "bearer"))
    @Get
    Desk mine(Authentication auth) {
        return desk.desk(CurrentUser.of(auth));
    }

    @Operation(summary = "A page of one queue of my desk, nearest deadline first, with the steps I may take on each case",
            security = @SecurityRequirement(name = "bearer"))
    @Get("/queues/{queue}")
    QueuePage queue(@PathVariable String queue, @QueryValue(defaultValue = "0") int page,
                    @QueryValue(defaultValue = "20") int size, Authentication auth) {
        return desk.queue(CurrentUser.of(auth), queue, page, size);
    }

    @Operation(summary = "Cases whose case number or grid code starts with q, or whose description or address contains it "
            + "(open first, at most 50)", security = @SecurityRequirement(name = "bearer"))
    @Get("/search")
    List<DeskItem> search(@QueryValue @Nullable String q, Authentication auth) {
        return desk.search(CurrentUser.of(auth), q);
    }
}
