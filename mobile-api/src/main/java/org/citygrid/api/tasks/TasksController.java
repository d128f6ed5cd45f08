package org.citygrid.api.tasks;

import org.citygrid.api.accounts.Authorities;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.cases.CaseView;
import org.citygrid.api.readmodel.CaseReadModel;
import org.citygrid.model.cases.Channel;

/** Work lists per role, from the read model, scoped by the token's department or grids. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "tasks")
class TasksController {

    private static final int LIMIT = 200;
    private static final List<String> CHANNELS_TO_VERIFY = Stream.of(Channel.values())
            .filter(Channel::isVerifiedOnSite).map(Channel::name).toList();

    private final CaseReadModel readModel;
    private final Clock clock;

    TasksController(CaseReadModel readModel, Clock clock) {
        this.readModel = readModel;
        this.clock = clock;
    }

    @Operation(summary = "Open cases held by my department, nearest deadline first", security = @SecurityRequirement(name = "bearer"))
    @Get("/handler/tasks")
    @Secured("HANDLER")
    List<CaseView> handlerTasks(Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return views(readModel.openForDepartment(user.department(), LIMIT), user);
    }

    @Operation(summary = "Reports nobody has verified yet (from residents, Open311, the hotline) and handled cases to check, in my grids", security = @SecurityRequirement(name = "bearer"))
    @Get("/worker/tasks")
    @Secured("GRID_WORKER")
    List<CaseView> workerTasks(Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return views(readModel.workerTasks(user.grids(), CHANNELS_TO_VERIFY, LIMIT), user);
    }

    @Operation(summary = "The unit grids I cover", security = @SecurityRequirement(name = "bearer"))
    @Get("/worker/grids")
    @Secured("GRID_WORKER")
    List<String> workerGrids(Authentication auth) {
        return CurrentUser.of(auth).grids();
    }

    @Operation(summary = "Reports waiting to be filed or dismissed, oldest first", security = @SecurityRequirement(name = "bearer"))
    @Get("/operator/filing-queue")
    @Secured(Authorities.CENTRE)
    List<CaseView> filingQueue(Authentication auth) {
        return views(readModel.inStates(List.of("REPORTED"), LIMIT), CurrentUser.of(auth));
    }

    @Operation(summary = "Open cases past their active deadline", security = @SecurityRequirement(name = "bearer"))
    @Get("/operator/overdue")
    @Secured(Authorities.CENTRE)
    List<CaseView> overdue(Authentication auth) {
        return views(readModel.overdue(clock.instant(), LIMIT), CurrentUser.of(auth));
    }

    private static List<CaseView> views(List<org.citygrid.api.readmodel.CaseRow> rows, CurrentUser user) {
        return rows.stream().map(c -> CaseView.of(c, user, List.of())).toList();
    }
}
