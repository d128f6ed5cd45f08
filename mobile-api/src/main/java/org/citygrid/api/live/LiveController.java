package org.citygrid.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The operators' live stream: every case event as a server-sent event named by its change type. */
@Controller("/api/v1/operator/live")
@Secured("OPERATOR")
// without the reader (citygrid.live.enabled: false) the route is absent, a 404, rather than a 500
@Requires(property = "citygrid.live.enabled", notEquals = "false")
@Tag(name = "live")
class LiveController {

    private final LiveCaseEvents live;

    LiveController(LiveCaseEvents live) {
        this.live = live;
    }

    @Operation(summary = "Case events as server-sent events (event name: the change type, id: caseId/version; "
            + "data: the case event v1). Events missed while disconnected are not replayed: reload the lists.",
            security = @SecurityRequirement(name = "bearer"))
    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<JsonNode>> stream() {
        // a first "connected" event sends the headers at once and tells the client it is subscribed
        Event<JsonNode> connected = Event.<JsonNode>of(JsonNodeFactory.instance.objectNode().put("connected", true))
                .name("connected");
        return Flux.concat(Mono.just(connected), live.events().map(e -> Event.of(e)
                .name(e.path("change").path("type").asText())
                .id(e.path("caseId").asText() + "/" + e.path("version").asText())));
    }
}
