package org.citygrid.edge.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.citygrid.edge.config.EdgeConfig;

/**
 * {@code GET /metrics} over plain HTTP, in the Prometheus text format, on the JDK's own HTTP server:
 * a scraper needs nothing more, and the node gains no web framework. Any other path is 404, any
 * other method 405.
 */
public final class MetricsHttpServer implements AutoCloseable {

    /** The content type of the Prometheus text exposition format, version 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "metrics-http");
        t.setDaemon(true);
        return t;
    });

    private MetricsHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Listens on the configured address and serves {@code metrics}' scrape. */
    public static MetricsHttpServer start(EdgeConfig.Metrics config, EdgeMetrics metrics) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 16);
            MetricsHttpServer out = new MetricsHttpServer(server);
            server.createContext("/", exchange -> out.handle(exchange, metrics));
            server.setExecutor(out.executor);
            server.start();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + config.bindAddress() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
    }

    private void handle(HttpExchange exchange, EdgeMetrics metrics) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                reply(exchange, 404, "text/plain; charset=utf-8", "not found: metrics are at /metrics\n", true);
            } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                reply(exchange, 405, "text/plain; charset=utf-8", "GET /metrics\n", true);
            } else {
                reply(exchange, 200, CONTENT_TYPE, metrics.scrape(), !exchange.getRequestMethod().equals("HEAD"));
            }
        }
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
