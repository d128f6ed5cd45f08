package org.citygrid.edge.coap;

import java.util.List;
import org.citygrid.edge.devices.Device;
import org.citygrid.edge.ingest.ReadingIngest;
import org.citygrid.edge.ingest.Rejected;
import org.citygrid.edge.limits.TooManyRequests;
import org.citygrid.edge.metrics.RejectReason;
import org.citygrid.edge.outbox.OutboxFullException;
import org.citygrid.edge.senml.Reading;
import org.citygrid.edge.senml.SenmlCodec;
import org.citygrid.edge.senml.SenmlException;
import org.citygrid.model.text.TextRejectedException;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * {@code POST /s/{deviceId}}: a SenML pack (JSON 110 or CBOR 112) of one device's readings. Answers
 * 2.04 once every alarm edge the readings complete is durable in the outbox.
 */
final class ReadingsResource extends DeviceInputResource {

    private final SenmlCodec senml = new SenmlCodec();
    private final ReadingIngest ingest;

    ReadingsResource(Shared shared, ReadingIngest ingest, int maxBytes) {
        super("s", shared, maxBytes, new Body("a SenML pack", List.of(SenmlCodec.SENML_JSON, SenmlCodec.SENML_CBOR),
                "readings must be application/senml+json (110) or application/senml+cbor (112)"));
        this.ingest = ingest;
        getAttributes().setTitle("POST /s/{deviceId}: SenML readings of one device");
        getAttributes().addResourceType("citygrid.readings");
    }

    /** Every {@code /s/<anything>} is this resource: the device id is a parameter, not a child. */
    @Override
    public Resource getChild(String name) {
        return this;
    }

    @Override
    protected void accept(CoapExchange exchange, int format) throws Rejected, TooManyRequests, OutboxFullException {
        String deviceId = Requester.pathParameter(exchange);
        if (deviceId == null) {
            throw new Rejected(RejectReason.UNKNOWN_DEVICE, "post readings to /s/{deviceId}");
        }
        Device device = requester.claimed(exchange, deviceId);
        limiter.take(device.id());
        try {
            List<Reading> readings = senml.read(exchange.getRequestPayload(), format, clock.instant());
            ingest.ingest(device, readings);
        } catch (SenmlException e) {
            throw new Rejected(RejectReason.MALFORMED, e.getMessage());
        } catch (TextRejectedException e) {
            throw new Rejected(RejectReason.INVALID_TEXT, e.getMessage());
        }
        exchange.respond(ResponseCode.CHANGED);
    }
}
