package org.citygrid.edge.coap;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.citygrid.edge.alarms.AlarmRules;
import org.citygrid.edge.config.EdgeConfig;
import org.citygrid.edge.devices.DeviceRegistry;
import org.citygrid.edge.ingest.ReadingIngest;
import org.citygrid.edge.limits.RateLimiter;
import org.citygrid.edge.metrics.EdgeMetrics;
import org.citygrid.edge.metrics.RejectReason;
import org.citygrid.edge.reports.ReportIngest;
import org.citygrid.model.category.SensorType;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol adapter: Californium's server with the edge node's resources on a DTLS endpoint
 * (PSK per device) and, only when enabled for development, a plain CoAP endpoint.
 */
public final class EdgeCoapServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeCoapServer.class);

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final CoapServer server;
    private final ConfigResource config;
    private final ExecutorService blockingWork = Executors.newVirtualThreadPerTaskExecutor();
    private final DTLSConnector dtlsConnector;
    private final DtlsHealthMetrics dtlsHealth;
    private Endpoint dtls;
    private Endpoint plain;

    /**
     * @param limiter the per-device rate limit of {@code /s} and {@code /r}
     */
    public EdgeCoapServer(EdgeConfig.Coap coap, Supplier<DeviceRegistry> registry, Supplier<AlarmRules> rules,
                          ReadingIngest readings, ReportIngest reports, RateLimiter limiter, EdgeMetrics metrics,
                          Supplier<Map<String, Object>> health, Clock clock) {
        Configuration cf = new Configuration();
        // the largest body any resource takes; each request gets its own resource's limit below
        cf.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, Math.max(coap.maxReadingsBytes(), coap.maxReportBytes()));
        if (coap.protocolThreads() > 0) {
            cf.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, coap.protocolThreads());
        }
        cf.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        this.server = new CoapServer(cf);

        Requester requester = new Requester(registry);
        this.config = new ConfigResource(requester, registry, rules, metrics, coap.maxReportBytes());
        DeviceInputResource.Shared inputs = new DeviceInputResource.Shared(requester, limiter, metrics, blockingWork, clock);
        server.add(new ReadingsResource(inputs, readings, coap.maxReadingsBytes()));
        server.add(new ReportsResource(inputs, reports, coap.maxReportBytes()));
        server.add(config);
        server.add(new HealthResource(health));

        this.dtlsHealth = new DtlsHealthMetrics(metrics);
        DtlsConnectorConfig dtlsConfig = DtlsConnectorConfig.builder(cf)
                .setAddress(new InetSocketAddress(coap.bindAddress(), coap.dtlsPort()))
                .setAdvancedPskStore(new RegistryPskStore(registry))
                .setHealthHandler(dtlsHealth)
                .build();
        this.dtlsConnector = new DTLSConnector(dtlsConfig);
        dtls = new CoapEndpoint.Builder().setConfiguration(cf).setConnector(dtlsConnector).build();
        guard(dtls, coap, metrics);
        server.addEndpoint(dtls);
        if (coap.plainEnabled()) {
            plain = new CoapEndpoint.Builder().setConfiguration(cf)
                    .setInetSocketAddress(new InetSocketAddress(coap.bindAddress(), coap.plainPort())).build();
            guard(plain, coap, metrics);
            server.addEndpoint(plain);
        }
    }

    private static void guard(Endpoint endpoint, EdgeConfig.Coap coap, EdgeMetrics metrics) {
        limitBodies(endpoint, coap);
        countTooLarge(endpoint, metrics);
    }

    /**
     * Gives each request its own resource's body limit before the block-wise layer sees it, so that
     * readings are refused at their first block (from the Size1 a client announces, or as soon as
     * the blocks pass the limit) rather than reassembled up to a photo's size first. Only
     * {@code /r} takes a photo's size; every other path, unknown ones included, takes a SenML
     * pack's.
     */
    private static void limitBodies(Endpoint endpoint, EdgeConfig.Coap coap) {
        endpoint.addInterceptor(new MessageInterceptorAdapter() {
            @Override
            public void receiveRequest(Request request) {
                List<String> path = request.getOptions().getUriPath();
                boolean report = !path.isEmpty() && path.getFirst().equals("r");
                request.setMaxResourceBodySize(report ? coap.maxReportBytes() : coap.maxReadingsBytes());
            }
        });
    }

    /**
     * Counts every 4.13, including those Californium's block-wise layer sends before a resource
     * runs, and gives those the same diagnostic shape as every other refusal ({@code reason: text}),
     * so a device can parse one format whichever layer refused it.
     */
    private static void countTooLarge(Endpoint endpoint, EdgeMetrics metrics) {
        String prefix = RejectReason.TOO_LARGE.label() + ": ";
        endpoint.addInterceptor(new MessageInterceptorAdapter() {
            @Override
            public void sendResponse(Response response) {
                if (response.getCode() == ResponseCode.REQUEST_ENTITY_TOO_LARGE) {
                    metrics.rejected(RejectReason.TOO_LARGE);
                    String text = response.getPayloadString();
                    if (!text.startsWith(prefix)) {
                        Integer limit = response.getOptions().getSize1();
                        response.setPayload(prefix + (limit != null ? "this resource takes a body of at most " + limit
                                + " bytes" : text.isEmpty() ? "request body too large" : text));
                        response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
                    }
                }
            }
        });
    }

    public void start() {
        server.start();
        LOG.atInfo().addKeyValue("event", "coap-started").addKeyValue("dtlsPort", dtlsPort())
                .addKeyValue("plainPort", plainPort()).log("CoAP server listening");
        if (plain != null) {
            LOG.atWarn().addKeyValue("event", "plain-coap-enabled").addKeyValue("port", plainPort())
                    .log("plain CoAP is enabled: devices on it are not authenticated (development only)");
        }
    }

    /** The DTLS port actually bound (useful when configured as 0). */
    public int dtlsPort() {
        return dtls.getAddress().getPort();
    }

    /** DTLS sessions the node holds now. */
    public long dtlsSessions() {
        dtlsConnector.updateHealth();
        return dtlsHealth.connections();
    }

    /** The plain port actually bound, or -1 when plain CoAP is off. */
    public int plainPort() {
        return plain == null ? -1 : plain.getAddress().getPort();
    }

    /** Tells observers of /config whose sensor type's rule changed. */
    public void configChanged(Set<SensorType> types) {
        if (!types.isEmpty()) {
            config.changed(types);
        }
    }

    @Override
    public void close() {
        server.destroy();
        blockingWork.shutdown();
    }
}
