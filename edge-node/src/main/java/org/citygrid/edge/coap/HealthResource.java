package org.citygrid.edge.coap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/** {@code GET /health}: status and metrics as JSON. */
final class HealthResource extends CoapResource {

    private final ObjectMapper json = new ObjectMapper();
    private final Supplier<Map<String, Object>> health;

    HealthResource(Supplier<Map<String, Object>> health) {
        super("health");
        this.health = health;
        getAttributes().setTitle("GET /health: status, counters, outbox depth and forward lag");
        getAttributes().addResourceType("citygrid.health");
        getAttributes().addInterfaceDescription("core.rp");
        getAttributes().addContentType(MediaTypeRegistry.APPLICATION_JSON);
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        try {
            exchange.respond(ResponseCode.CONTENT, json.writeValueAsBytes(health.get()), MediaTypeRegistry.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR, e.getOriginalMessage(), MediaTypeRegistry.TEXT_PLAIN);
        }
    }
}
