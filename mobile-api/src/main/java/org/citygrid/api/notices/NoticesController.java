package org.citygrid.api.notices;

import org.citygrid.api.accounts.Authorities;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.errors.Invalid;
import org.citygrid.api.idempotency.Idempotency;
import org.citygrid.api.web.IdempotentResponses;
import org.citygrid.model.cases.Role;

/** Community notices: operators publish (and push to the community topic), residents read their community's. */
@Controller("/api/v1/notices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "notices")
class NoticesController {

    private final NoticeService notices;
    private final Idempotency idempotency;

    NoticesController(NoticeService notices, Idempotency idempotency) {
        this.notices = notices;
        this.idempotency = idempotency;
    }

    @Introspected
    record NewNotice(@NotBlank @Pattern(regexp = "\\d{12}") String communityCode, @NotBlank String title,
                     @NotBlank String body) {
    }

    @Operation(summary = "Publish a notice to a community and push it to the community's topic",
            security = @SecurityRequirement(name = "bearer"))
    @Post
    @Secured({"ACCEPTOR", "SHIFT_LEADER", "DISPATCHER"})
    HttpResponse<?> publish(@Header(Idempotency.HEADER) @Nullable String key, @Body @Valid NewNotice body,
                            Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return IdempotentResponses.of(idempotency.once(user.id(), key, body, seed -> Idempotency.Answer.created(
                "/api/v1/notices", notices.publish("notice-" + seed, user, body.communityCode(), body.title(), body.body()))));
    }

    @Operation(summary = "Notices: a resident's own community; operators name one", security = @SecurityRequirement(name = "bearer"))
    @Get
    @Secured({"RESIDENT", Authorities.CENTRE})
    List<Notice> list(@Nullable @QueryValue String community, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        String code = user.role() == Role.RESIDENT ? user.community() : community;
        if (code == null) {
            throw Invalid.field("community", "name the community (12 digits)");
        }
        return notices.of(code);
    }
}
