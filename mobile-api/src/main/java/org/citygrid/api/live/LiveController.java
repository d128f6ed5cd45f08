package org.citygrid.api.live;

import org.citygrid.api.accounts.Authorities;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import org.citygrid.api.accounts.AccountStandings;
import org.citygrid.api.accounts.TokenClaims;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The operators' live stream: every case event as a server-sent event named by its change type. A
 * stream lasts no longer than the access token that opened it, and ends early when the account is
 * disabled: the client reconnects with a fresh token, as it does after any disconnection.
 */
@Controller("/api/v1/operator/live")
@Secured(Authorities.CENTRE)
// without the reader (citygrid.live.enabled: false) the route is absent, a 404, rather than a 500
@Requires(property = "citygrid.live.enabled", notEquals = "false")
@Tag(name = "live")
class LiveController {

    /** How often an open stream asks whether its account still stands (answered from a cache of the same age). */
    private static final Duration STANDING_CHECK = Duration.ofSeconds(5);

    private final LiveCaseEvents live;
    private final AccountStandings standings;
    private final Scheduler blocking;

    LiveController(LiveCaseEvents live, AccountStandings standings,
                   @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.live = live;
        this.standings = standings;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Operation(summary = "Case events as server-sent events (event name: the change type, id: caseId/version; "
            + "data: the case event v1). Events missed while disconnected are not replayed: reload the lists. "
            + "The stream ends when the access token expires or the account is disabled: reconnect with a fresh token.",
            security = @SecurityRequirement(name = "bearer"))
    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<JsonNode>> stream(Authentication auth) {
        // a first "connected" event sends the headers at once and tells the client it is subscribed
        Event<JsonNode> connected = Event.<JsonNode>of(JsonNodeFactory.instance.objectNode().put("connected", true))
                .name("connected");
        Flux<Event<JsonNode>> events = Flux.concat(Mono.just(connected), live.events().map(e -> Event.of(e)
                .name(e.path("change").path("type").asText())
                .id(e.path("caseId").asText() + "/" + e.path("version").asText())));
        Instant issuedAt = TokenClaims.issuedAt(auth);
        Instant expires = TokenClaims.expiresAt(auth);
        if (expires != null) {
            // the token's clock is the wall clock (the JWT library's), not the API's Clock
            Duration left = Duration.between(Instant.now(), expires);
            events = events.take(left.isNegative() ? Duration.ZERO : left);
        }
        Flux<Long> revoked = Flux.interval(STANDING_CHECK, STANDING_CHECK)
                .concatMap(tick -> Mono.fromCallable(() -> standings.verdict(auth.getName(), issuedAt).isPresent())
                        .subscribeOn(blocking))
                .filter(Boolean::booleanValue).map(b -> 0L);
        return events.takeUntilOther(revoked);
    }
}
