package org.citygrid.edge.coap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.citygrid.edge.alarms.AlarmRule;
import org.citygrid.edge.alarms.AlarmRules;
import org.citygrid.edge.devices.Device;
import org.citygrid.edge.devices.DeviceRegistry;
import org.citygrid.edge.ingest.Rejected;
import org.citygrid.edge.metrics.EdgeMetrics;
import org.citygrid.model.category.SensorType;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * {@code GET /config/{deviceId}}, observable (RFC 7641): the thresholds and reporting interval a
 * device should use. When the rules file changes, every device whose sensor type's rule changed
 * gets a notification; the others are left alone.
 */
final class ConfigResource extends CoapResource {

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper cbor = new CBORMapper();
    private final Requester requester;
    private final Supplier<DeviceRegistry> registry;
    private final Supplier<AlarmRules> rules;
    private final EdgeMetrics metrics;
    private final int maxReportBytes;

    ConfigResource(Requester requester, Supplier<DeviceRegistry> registry, Supplier<AlarmRules> rules, EdgeMetrics metrics,
                   int maxReportBytes) {
        super("config");
        this.requester = requester;
        this.registry = registry;
        this.rules = rules;
        this.metrics = metrics;
        this.maxReportBytes = maxReportBytes;
        setObservable(true);
        setObserveType(CoAP.Type.CON);
        getAttributes().setObservable();
        getAttributes().setTitle("GET /config/{deviceId}: thresholds and reporting interval (observable)");
        getAttributes().addResourceType("citygrid.config");
        getAttributes().addInterfaceDescription("core.rp");
        getAttributes().addContentTypes(MediaTypeRegistry.APPLICATION_JSON, MediaTypeRegistry.APPLICATION_CBOR);
    }

    @Override
    public Resource getChild(String name) {
        return this;
    }

    /** Notifies the observers whose device is of one of these sensor types. */
    void changed(Set<SensorType> types) {
        changed(relation -> {
            List<String> path = relation.getExchange().getRequest().getOptions().getUriPath();
            return path.size() == 2 && registry.get().byId(path.get(1)).flatMap(Device::type).map(types::contains).orElse(false);
        });
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        String deviceId = Requester.pathParameter(exchange);
        try {
            Device device = requester.claimed(exchange, deviceId);
            int accept = exchange.getRequestOptions().hasAccept() ? exchange.getRequestOptions().getAccept()
                    : MediaTypeRegistry.APPLICATION_JSON;
            if (accept != MediaTypeRegistry.APPLICATION_JSON && accept != MediaTypeRegistry.APPLICATION_CBOR) {
                exchange.respond(ResponseCode.NOT_ACCEPTABLE, "config is application/json (50) or application/cbor (60)",
                        MediaTypeRegistry.TEXT_PLAIN);
                return;
            }
            byte[] body = (accept == MediaTypeRegistry.APPLICATION_CBOR ? cbor : json).writeValueAsBytes(configOf(device));
            exchange.respond(ResponseCode.CONTENT, body, accept);
        } catch (Rejected e) {
            Responses.reject(exchange, metrics, e);
        } catch (JsonProcessingException e) {
            exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR, e.getOriginalMessage(), MediaTypeRegistry.TEXT_PLAIN);
        }
    }

    private Map<String, Object> configOf(Device device) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("device", device.id());
        if (device.sensorType() == null) {
            out.put("maxReportBytes", maxReportBytes);
            return out;
        }
        out.put("sensorType", device.sensorType());
        AlarmRule rule = device.type().flatMap(t -> rules.get().forType(t)).orElse(null);
        if (rule != null) {
            out.put("quantity", rule.quantity());
            out.put("unit", rule.unit());
            out.put("direction", rule.direction().name());
            out.put("raiseAt", rule.raiseAt());
            out.put("clearAt", rule.clearAt());
            out.put("debounce", rule.debounce());
            out.put("minDurationSeconds", rule.minDurationSeconds());
            out.put("reportingIntervalSeconds", rule.reportingIntervalSeconds());
        }
        return out;
    }
}
