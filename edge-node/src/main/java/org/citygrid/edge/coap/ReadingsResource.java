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
        super("s", shared, maxBytes);
        this.ingest = ingest;
        getAttributes().setTitle("POST /s/{deviceId}: SenML readings of one device");
        getAttributes().addResourceType("citygrid.readings");
        getAttributes().addContentTypes(SenmlCodec.SENML_JSON, SenmlCodec.SENML_CBOR);
    }

    /** Every {@code /s/<anything>} is this resource: the device id is a parameter, not a child. */
    @Override
    public Resource getChild(String name) {
        return this;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        String deviceId = Requester.pathParameter(exchange);
        if (deviceId == null) {
            Responses.reject(exchange, metrics, RejectReason.UNKNOWN_DEVICE, "post readings to /s/{deviceId}");
            return;
        }
        int format = exchange.getRequestOptions().getContentFormat();
        if (format != SenmlCodec.SENML_JSON && format != SenmlCodec.SENML_CBOR) {
            Responses.reject(exchange, metrics, RejectReason.UNSUPPORTED_CONTENT_FORMAT,
                    "readings must be application/senml+json (110) or application/senml+cbor (112), not " + format);
            return;
        }
        if (exchange.getRequestPayloadSize() > maxBytes) {
            Responses.tooLarge(exchange, metrics, maxBytes, "a SenML pack");
            return;
        }
        try {
            Device device = requester.claimed(exchange, deviceId);
            limiter.take(device.id());
            List<Reading> readings = senml.read(exchange.getRequestPayload(), format, clock.instant());
            ingest.ingest(device, readings);
            exchange.respond(ResponseCode.CHANGED);
        } catch (SenmlException e) {
            Responses.reject(exchange, metrics, RejectReason.MALFORMED, e.getMessage());
        } catch (TextRejectedException e) {
            Responses.reject(exchange, metrics, RejectReason.INVALID_TEXT, e.getMessage());
        } catch (Rejected e) {
            Responses.reject(exchange, metrics, e);
        } catch (TooManyRequests e) {
            Responses.tooManyRequests(exchange, metrics, e);
        } catch (OutboxFullException e) {
            Responses.outboxFull(exchange, metrics, e);
        }
    }
}
