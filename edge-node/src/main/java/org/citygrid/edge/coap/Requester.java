package org.citygrid.edge.coap;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.citygrid.edge.devices.Device;
import org.citygrid.edge.devices.DeviceRegistry;
import org.citygrid.edge.ingest.Rejected;
import org.citygrid.edge.metrics.RejectReason;
import org.citygrid.model.text.TextRules;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;

/**
 * Who is asking: the device that authenticated the DTLS session, or, over plain development CoAP,
 * whoever the request claims to be.
 */
final class Requester {

    private final Supplier<DeviceRegistry> registry;

    /** @param registry the current registry: looked up per request, so a revocation applies at once */
    Requester(Supplier<DeviceRegistry> registry) {
        this.registry = registry;
    }

    /** The device authenticated by DTLS, empty over plain CoAP. */
    Optional<Device> authenticated(CoapExchange exchange) throws Rejected {
        Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
        if (!(peer instanceof PreSharedKeyIdentity psk)) {
            return Optional.empty();
        }
        Device device = registry.get().byPskIdentity(psk.getIdentity()).orElseThrow(() ->
                new Rejected(RejectReason.UNKNOWN_DEVICE, "PSK identity " + psk.getIdentity() + " is not registered here"));
        if (device.revoked()) {
            throw new Rejected(RejectReason.FORBIDDEN, "device " + device.id() + " is revoked");
        }
        return Optional.of(device);
    }

    /**
     * The device named by the request ({@code /s/{id}}, {@code /config/{id}}, a report's
     * {@code device} field), which over DTLS must be the authenticated one.
     */
    Device claimed(CoapExchange exchange, String claimedId) throws Rejected {
        if (claimedId != null) {
            // before it is looked up, compared or echoed in a diagnostic or a log line
            Rejected.unlessValid(TextRules.deviceId(), claimedId);
        }
        Optional<Device> authenticated = authenticated(exchange);
        if (authenticated.isPresent()) {
            Device device = authenticated.get();
            if (claimedId != null && !claimedId.equals(device.id())) {
                throw new Rejected(RejectReason.FORBIDDEN, "authenticated as " + device.id() + ", not as " + claimedId);
            }
            return device;
        }
        if (claimedId == null) {
            throw new Rejected(RejectReason.UNKNOWN_DEVICE, "over plain CoAP the request must name its device");
        }
        Device device = registry.get().byId(claimedId).orElseThrow(() ->
                new Rejected(RejectReason.UNKNOWN_DEVICE, "device " + claimedId + " is not registered in this neighbourhood"));
        if (device.revoked()) {
            throw new Rejected(RejectReason.FORBIDDEN, "device " + device.id() + " is revoked");
        }
        return device;
    }

    /** The segment after the resource name in {@code /s/{id}}, or {@code null}. */
    static String pathParameter(CoapExchange exchange) {
        List<String> path = exchange.getRequestOptions().getUriPath();
        return path.size() == 2 ? path.get(1) : null;
    }
}
