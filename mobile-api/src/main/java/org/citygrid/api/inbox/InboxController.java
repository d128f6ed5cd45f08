package org.citygrid.api.inbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.citygrid.api.i18n.Language;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A person's inbox: every message the system sent them, in the language of {@code Accept-Language}
 * (Chinese when it names neither Chinese nor English).
 */
@Controller("/api/v1/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "inbox")
class InboxController {

    /** Proxies and phone networks drop a connection that stays silent for a minute; a ping keeps the stream open. */
    private static final Duration PING = Duration.ofSeconds(25);

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @Operation(summary = "My messages, newest first, a page at a time (before: the last id of the previous page; "
            + "limit 1-100, default 20), with how many are unread", security = @SecurityRequirement(name = "bearer"))
    @Get
    HttpResponse<InboxPage> page(@QueryValue @Nullable Long before, @QueryValue @Nullable Integer limit,
                                 @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage,
                                 Authentication auth) {
        Language language = Language.preferred(acceptLanguage);
        return HttpResponse.ok(inbox.page(auth.getName(), before, limit, language))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag());
    }

    @Operation(summary = "How many of my messages are unread", security = @SecurityRequirement(name = "bearer"))
    @Get("/unread")
    Map<String, Integer> unread(Authentication auth) {
        return Map.of("unread", inbox.unread(auth.getName()));
    }

    @Operation(summary = "Mark one of my messages read", security = @SecurityRequirement(name = "bearer"))
    @Post("/{id}/read")
    @Status(HttpStatus.NO_CONTENT)
    void read(@PathVariable long id, Authentication auth) {
        inbox.read(auth.getName(), id);
    }

    @Operation(summary = "Mark all my messages read; answers how many were unread", security = @SecurityRequirement(name = "bearer"))
    @Post("/read-all")
    Map<String, Integer> readAll(Authentication auth) {
        return Map.of("marked", inbox.readAll(auth.getName()));
    }

    @Operation(summary = "My new messages as server-sent events while the app is open: first 'connected' (with the "
            + "unread count), then 'message' (one inbox item each), 'ping' every 25 s. Nothing is replayed after a "
            + "disconnection: reload the first page.", security = @SecurityRequirement(name = "bearer"))
    @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<Object>> stream(@Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage,
                                    Authentication auth) {
        String me = auth.getName();
        Language language = Language.preferred(acceptLanguage);
        // subscribed before the count is read, so that nothing added in between is missed
        Flux<Event<Object>> messages = inbox.live(me, language)
                .map(item -> Event.<Object>of(item).name("message").id(Long.toString(item.id())));
        Flux<Event<Object>> pings = Flux.interval(PING).map(i -> Event.<Object>of(Map.of()).name("ping"));
        Mono<Event<Object>> connected = Mono.fromCallable(() -> {
            ObjectNode hello = JsonNodeFactory.instance.objectNode().put("connected", true).put("unread", inbox.unread(me));
            return Event.<Object>of(hello).name("connected");
        }).subscribeOn(Schedulers.boundedElastic());
        return Flux.merge(messages, Flux.concat(connected, pings));
    }
}
