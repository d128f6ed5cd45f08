package org.citygrid.cloud.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * cloud-backend's HTTP endpoints, on the JDK's own HTTP server (a service that speaks Kafka and SQL
 * gains no web framework for two pages):
 * <ul>
 *   <li>{@code GET /health}: {@link Health.Report} as JSON, 200 when UP or DEGRADED, 503 when DOWN, so a
 *       load balancer or supervisor needs only the status code;</li>
 *   <li>{@code GET /metrics}: every metric in the Prometheus text format.</li>
 * </ul>
 * Any other path is 404, any other method 405. Plain HTTP without authentication: bind it to an
 * address only the supervisor and the scraper reach ({@code CITYGRID_HTTP_BIND}, default 127.0.0.1).
 */
public final class HttpEndpoints implements AutoCloseable {

    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "http-endpoints");
        t.setDaemon(true);
        return t;
    });

    private HttpEndpoints(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code bind}:{@code port} (0: a free port). */
    public static HttpEndpoints start(String bind, int port, Health health, Supplier<String> metrics) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 16);
            HttpEndpoints out = new HttpEndpoints(server);
            server.createContext("/", exchange -> out.handle(exchange, health, metrics));
            server.setExecutor(out.executor);
            server.start();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve /health and /metrics on " + bind + ":" + port + " (CITYGRID_HTTP_PORT): "
                    + e.getMessage(), e);
        }
    }

    private void handle(HttpExchange exchange, Health health, Supplier<String> metrics) throws IOException {
        try (exchange) {
            try {
                answer(exchange, health, metrics);
            } catch (RuntimeException e) {
                // a part that cannot say how it is: an answer all the same, so the caller does not wait for one
                reply(exchange, 500, "text/plain; charset=utf-8", "cannot tell: " + e + "\n", true);
            }
        }
    }

    private void answer(HttpExchange exchange, Health health, Supplier<String> metrics) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (!path.equals("/health") && !path.equals("/metrics")) {
            reply(exchange, 404, "text/plain; charset=utf-8", "not found: see /health and /metrics\n", true);
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            reply(exchange, 405, "text/plain; charset=utf-8", "GET " + path + "\n", true);
        } else if (path.equals("/metrics")) {
            reply(exchange, 200, PROMETHEUS, metrics.get(), method.equals("GET"));
        } else {
            Health.Report report = health.report();
            reply(exchange, report.status() == Health.Status.DOWN ? 503 : 200, "application/json", json(report),
                    method.equals("GET"));
        }
    }

    static String json(Health.Report report) {
        ObjectNode out = JSON.createObjectNode();
        out.put("status", report.status().name());
        for (Health.Part part : report.parts()) {
            ObjectNode p = out.putObject(part.name());
            p.put("state", part.state());
            p.put("status", part.status().name());
            if (part.detail() != null) {
                p.put("detail", part.detail());
            }
        }
        out.put("deadLetters", report.deadLetters());
        return out.toString();
    }

    private static void reply(HttpExchange exchange, int status, String type, String body, boolean withBody)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, withBody ? bytes.length : -1);
        if (withBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The port actually bound (useful when configured as 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
