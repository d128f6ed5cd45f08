package org.citygrid.edge.coap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import org.citygrid.edge.devices.Device;
import org.citygrid.edge.ingest.Rejected;
import org.citygrid.edge.json.StrictJson;
import org.citygrid.edge.limits.TooManyRequests;
import org.citygrid.edge.metrics.RejectReason;
import org.citygrid.edge.outbox.OutboxFullException;
import org.citygrid.edge.reports.PatrolReport;
import org.citygrid.edge.reports.ReportIngest;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * {@code POST /r}: a patrol report in JSON (50) or CBOR (60), photo included. Photos are larger
 * than a datagram: the device sends them block-wise (RFC 7959) and Californium's block-wise layer
 * reassembles the body, up to the configured limit, before this resource sees it.
 */
final class ReportsResource extends DeviceInputResource {

    private final ObjectMapper json = StrictJson.build(JsonMapper.builder().addModule(new JavaTimeModule()));
    private final ObjectMapper cbor = StrictJson.build(CBORMapper.builder().addModule(new JavaTimeModule()));
    private final ReportIngest ingest;

    ReportsResource(Shared shared, ReportIngest ingest, int maxBytes) {
        super("r", shared, maxBytes, new Body("a report",
                List.of(MediaTypeRegistry.APPLICATION_JSON, MediaTypeRegistry.APPLICATION_CBOR),
                "reports must be application/json (50) or application/cbor (60)"));
        this.ingest = ingest;
        getAttributes().setTitle("POST /r: patrol report with photo (block-wise)");
        getAttributes().addResourceType("citygrid.report");
        getAttributes().setMaximumSizeEstimate(maxBytes);
    }

    @Override
    protected void accept(CoapExchange exchange, int format) throws Rejected, TooManyRequests, OutboxFullException {
        PatrolReport report = read(format == MediaTypeRegistry.APPLICATION_CBOR ? cbor : json,
                exchange.getRequestPayload());
        Device device = requester.claimed(exchange, report.device());
        limiter.take(device.id());
        ReportIngest.Outcome outcome = ingest.ingest(device, report, clock.instant());
        exchange.setLocationPath("r/" + report.id());
        exchange.respond(ResponseCode.CREATED, "{\"intakeId\":\"" + outcome.intakeId() + "\",\"duplicate\":"
                + outcome.duplicate() + "}", MediaTypeRegistry.APPLICATION_JSON);
    }

    private static PatrolReport read(ObjectMapper mapper, byte[] payload) throws Rejected {
        try {
            PatrolReport report = mapper.readValue(payload, PatrolReport.class);
            if (report == null) {
                throw new Rejected(RejectReason.MALFORMED, "a report must be an object");
            }
            return report;
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof IllegalArgumentException) {
                why = root.getMessage();
            }
            throw new Rejected(RejectReason.MALFORMED, "malformed report: " + firstLine(why));
        } catch (IOException e) {
            throw new Rejected(RejectReason.MALFORMED, "unreadable report: " + e.getMessage());
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
