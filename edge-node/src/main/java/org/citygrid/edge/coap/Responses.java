package org.citygrid.edge.coap;

import org.citygrid.edge.ingest.Rejected;
import org.citygrid.edge.limits.TooManyRequests;
import org.citygrid.edge.metrics.EdgeMetrics;
import org.citygrid.edge.metrics.RejectReason;
import org.citygrid.edge.outbox.OutboxFullException;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refusals with a diagnostic payload (RFC 7252 section 5.5.2: text/plain, for a person), counted by
 * reason and logged.
 */
final class Responses {

    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    static ResponseCode codeFor(RejectReason reason) {
        return switch (reason) {
            case UNSUPPORTED_CONTENT_FORMAT -> ResponseCode.UNSUPPORTED_CONTENT_FORMAT;
            case TOO_LARGE -> ResponseCode.REQUEST_ENTITY_TOO_LARGE;
            case UNKNOWN_DEVICE -> ResponseCode.NOT_FOUND;
            case FORBIDDEN, UNLINKED_REPORTER -> ResponseCode.FORBIDDEN;
            case RATE_LIMITED -> ResponseCode.TOO_MANY_REQUESTS;
            case OUTBOX_FULL -> ResponseCode.SERVICE_UNAVAILABLE;
            default -> ResponseCode.BAD_REQUEST;
        };
    }

    static void reject(CoapExchange exchange, EdgeMetrics metrics, Rejected rejected) {
        reject(exchange, metrics, rejected.reason(), rejected.getMessage());
    }

    static void reject(CoapExchange exchange, EdgeMetrics metrics, RejectReason reason, String message) {
        // 4.13 is counted where every 4.13 passes, Californium's block-wise ones included
        if (reason != RejectReason.TOO_LARGE) {
            metrics.rejected(reason);
        }
        LOG.atInfo().addKeyValue("event", "rejected").addKeyValue("reason", reason.label())
                .addKeyValue("path", exchange.getRequestOptions().getUriPathString())
                .addKeyValue("peer", exchange.getSourceSocketAddress()).log(message);
        exchange.respond(codeFor(reason), reason.label() + ": " + message, MediaTypeRegistry.TEXT_PLAIN);
    }

    static void tooLarge(CoapExchange exchange, EdgeMetrics metrics, int limit, String what) {
        Response response = new Response(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        response.getOptions().setSize1(limit);
        response.setPayload(RejectReason.TOO_LARGE.label() + ": " + what + " may be at most " + limit + " bytes");
        response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
        exchange.respond(response);
    }

    /** 5.03 with Max-Age: the device keeps its data and comes back, rather than losing it silently. */
    static void outboxFull(CoapExchange exchange, EdgeMetrics metrics, OutboxFullException full) {
        LOG.atWarn().addKeyValue("event", "outbox-full").addKeyValue("peer", exchange.getSourceSocketAddress())
                .log(full.getMessage());
        comeBackLater(exchange, metrics, RejectReason.OUTBOX_FULL, full.getMessage(), full.retryAfterSeconds());
    }

    /** 4.29 with Max-Age (RFC 8516): the seconds until the device's next request will be taken. */
    static void tooManyRequests(CoapExchange exchange, EdgeMetrics metrics, TooManyRequests limited) {
        LOG.atInfo().addKeyValue("event", "rate-limited").addKeyValue("peer", exchange.getSourceSocketAddress())
                .log(limited.getMessage());
        comeBackLater(exchange, metrics, RejectReason.RATE_LIMITED, limited.getMessage(), limited.retryAfterSeconds());
    }

    private static void comeBackLater(CoapExchange exchange, EdgeMetrics metrics, RejectReason reason, String message,
                                      long maxAgeSeconds) {
        metrics.rejected(reason);
        Response response = new Response(codeFor(reason));
        response.getOptions().setMaxAge(maxAgeSeconds);
        response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
        response.setPayload(reason.label() + ": " + message);
        exchange.respond(response);
    }
}
