package org.citygrid.bench.edge;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.citygrid.edge.EdgeNode;
import org.citygrid.edge.config.EdgeConfig;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * CoAP ingest throughput of the edge node with its durable outbox, next to a bare Californium
 * resource that answers 2.04 and does nothing, in the same JVM and the same run, so the ratio says
 * what the edge's work costs on this machine rather than comparing against a number from elsewhere.
 *
 * <p>Both servers take {@code POST /s/{deviceId}} with a SenML pack on loopback from the same
 * closed-loop load: {@code devices} clients, each with its own endpoint (and, over DTLS, its own
 * PSK session), posting as fast as they are answered. Per transport three rows: the bare resource;
 * the edge node when no reading crosses a threshold (parse, check, evaluate; no disk); the edge
 * node when every reading completes an alarm edge (plus an outbox append and its fsync before the
 * answer: the worst case).
 *
 * <p>{@code ./gridcity bench edge-ingest [devices] [seconds] [plain|dtls|both]}; defaults 16, 10, both.
 */
public final class EdgeIngestBench {

    private static final String NEIGHBOURHOOD = "110101001001";

    private EdgeIngestBench() {
    }

    /** One measured row. */
    record Row(String server, long requests, long failures, double seconds, long heapAfterGcBytes, long peakHeapBytes,
               long diskBytes) {
        double perSecond() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String transports = args.length > 2 ? args[2] : "both";
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        Path dir = Files.createTempDirectory("edge-ingest-bench");
        try {
            for (boolean dtls : new boolean[] {false, true}) {
                if (dtls ? transports.equals("plain") : transports.equals("dtls")) {
                    continue;
                }
                String t = dtls ? "dtls" : "plain";
                List<Row> rows = new ArrayList<>();
                rows.add(bare(devices, seconds, dtls));
                rows.add(edge(dir.resolve(t + "-quiet"), devices, seconds, false, dtls));
                rows.add(edge(dir.resolve(t + "-alarms"), devices, seconds, true, dtls));
                print(rows, devices, seconds, dtls);
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    private static Row bare(int devices, int seconds, boolean dtls) throws Exception {
        Configuration cf = new Configuration();
        CoapServer server = new CoapServer(cf);
        server.add(new CoapResource("s") {
            @Override
            public Resource getChild(String name) {
                return this;
            }

            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.respond(ResponseCode.CHANGED);
            }
        });
        CoapEndpoint endpoint;
        if (dtls) {
            cf.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
            AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
            for (int d = 0; d < devices; d++) {
                keys.setKey("bench-" + d, ("bench-key-" + d + "-0123456789").getBytes(StandardCharsets.UTF_8));
            }
            DtlsConnectorConfig config = DtlsConnectorConfig.builder(cf)
                    .setAddress(new InetSocketAddress("127.0.0.1", 0)).setAdvancedPskStore(keys).build();
            endpoint = new CoapEndpoint.Builder().setConfiguration(cf).setConnector(new DTLSConnector(config)).build();
        } else {
            endpoint = new CoapEndpoint.Builder().setConfiguration(cf)
                    .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        }
        server.addEndpoint(endpoint);
        server.start();
        try {
            return measure("bare Californium resource (no work)", endpoint.getAddress().getPort(), devices, seconds,
                    false, dtls, () -> 0L);
        } finally {
            server.destroy();
        }
    }

    private static Row edge(Path dir, int devices, int seconds, boolean alarms, boolean dtls) throws Exception {
        EdgeConfig config = EdgeConfig.load(writeConfig(dir, devices));
        try (EdgeNode node = EdgeNode.start(config, null, Duration.ofSeconds(5), Clock.systemUTC())) {
            String name = alarms ? "edge node, every reading an alarm edge (outbox append + fsync)"
                    : "edge node, readings below threshold (no outbox write)";
            return measure(name, dtls ? node.dtlsPort() : node.plainPort(), devices, seconds, alarms, dtls,
                    () -> node.outbox().diskBytes());
        }
    }

    private static Row measure(String name, int port, int devices, int seconds, boolean alarms, boolean dtls,
                               java.util.function.LongSupplier disk) throws Exception {
        LongAdder done = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(devices);
        for (int d = 0; d < devices; d++) {
            String uri = (dtls ? "coaps" : "coap") + "://127.0.0.1:" + port + "/s/bench-" + d;
            int device = d;
            Thread.ofPlatform().daemon().start(() -> {
                Endpoint endpoint = clientEndpoint(dtls, device);
                CoapClient client = new CoapClient(uri);
                client.setEndpoint(endpoint);
                client.setTimeout(10_000L);
                try {
                    for (long i = 0; !stop.get(); i++) {
                        // alternating high and low: with debounce 1 every reading raises or clears
                        double tilt = alarms ? (i % 2 == 0 ? 40 : 1) : 2;
                        Request request = Request.newPost();
                        request.setURI(uri);
                        request.getOptions().setContentFormat(110);
                        request.setPayload(("[{\"n\":\"tilt\",\"u\":\"deg\",\"v\":" + tilt + "}]")
                                .getBytes(StandardCharsets.UTF_8));
                        boolean ok = post(client, request);
                        if (counting.get()) {
                            (ok ? done : failed).increment();
                        }
                    }
                } finally {
                    client.shutdown();
                    endpoint.destroy();
                    finished.countDown();
                }
            });
        }
        Thread.sleep(Math.max(2000, seconds * 300L)); // warm-up: JIT, DTLS-free sockets, first segment
        System.gc();
        resetPeaks();
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        counting.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long peak = peakHeap();
        stop.set(true);
        finished.await();
        System.gc();
        long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        return new Row(name, done.sum(), failed.sum(), elapsed, heapAfter, peak, disk.getAsLong());
    }

    private static boolean post(CoapClient client, Request request) {
        try {
            CoapResponse response = client.advanced(request);
            return response != null && response.getCode() == ResponseCode.CHANGED;
        } catch (ConnectorException | IOException e) {
            return false;
        }
    }

    private static Endpoint clientEndpoint(boolean dtls, int device) {
        Configuration cf = new Configuration();
        CoapEndpoint endpoint;
        if (dtls) {
            cf.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
            DtlsConnectorConfig config = DtlsConnectorConfig.builder(cf)
                    .setAddress(new InetSocketAddress("127.0.0.1", 0))
                    .setAdvancedPskStore(new AdvancedSinglePskStore("bench-" + device,
                            ("bench-key-" + device + "-0123456789").getBytes(StandardCharsets.UTF_8)))
                    .build();
            endpoint = new CoapEndpoint.Builder().setConfiguration(cf).setConnector(new DTLSConnector(config)).build();
        } else {
            endpoint = new CoapEndpoint.Builder().setConfiguration(cf)
                    .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        }
        try {
            endpoint.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return endpoint;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static Path writeConfig(Path dir, int devices) throws IOException {
        Files.createDirectories(dir);
        StringBuilder registry = new StringBuilder("[");
        for (int d = 0; d < devices; d++) {
            registry.append(d == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\":\"bench-%d\",\"pskIdentity\":\"bench-%d\",\"key\":\"bench-key-%d-0123456789\",\"sensorType\":\"manhole-tilt\","
                            + "\"position\":{\"lon\":116.4033,\"lat\":39.9146},\"neighbourhood\":\"%s\",\"revoked\":false}",
                    d, d, d, NEIGHBOURHOOD));
        }
        Files.writeString(dir.resolve("devices.json"), registry.append(']').toString());
        Files.writeString(dir.resolve("rules.json"), "{\"manhole-tilt\":{\"quantity\":\"tilt\",\"unit\":\"deg\",\"min\":0,"
                + "\"max\":180,\"direction\":\"ABOVE\",\"raiseAt\":15,\"clearAt\":5,\"debounce\":1,"
                + "\"minDurationSeconds\":0,\"reportingIntervalSeconds\":300}}");
        Path config = dir.resolve("edge.json");
        Files.writeString(config, "{\"nodeId\":\"edge-bench\",\"neighbourhood\":{\"id\":\"" + NEIGHBOURHOOD + "\","
                + "\"centre\":{\"lon\":116.40321,\"lat\":39.91452},\"radiusMetres\":1500},"
                + "\"coap\":{\"bindAddress\":\"127.0.0.1\",\"dtlsPort\":0,\"plainEnabled\":true,\"plainPort\":0,"
                + "\"maxReadingsBytes\":0,\"maxReportBytes\":0,\"protocolThreads\":0},"
                + "\"devicesFile\":\"devices.json\",\"rulesFile\":\"rules.json\",\"dataDir\":\"data\","
                + "\"outbox\":{\"budgetBytes\":0,\"segmentBytes\":0,\"retryAfterSeconds\":0},\"kafka\":null,"
                // closed-loop clients send as fast as they are answered: no per-device limit in the way
                + "\"rateLimit\":{\"requestsPerSecond\":1000000,\"burst\":1000000}}");
        return config;
    }

    private static void print(List<Row> rows, int devices, int seconds, boolean dtls) {
        double baseline = rows.getFirst().perSecond();
        System.out.printf(Locale.ROOT, "%nCoAP ingest, POST /s/{id} SenML JSON over %s on loopback; %d closed-loop"
                + " devices, %d s measured per row; %d cores, JDK %s, max heap %d MB%n%n",
                dtls ? "DTLS 1.2 PSK (one session per device)" : "plain CoAP", devices, seconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        String format = "| %-64s | %9s | %8s | %9s | %8s | %14s | %14s | %11s |%n";
        System.out.printf(Locale.ROOT, format, "server", "requests", "failed", "req/s", "vs bare", "heap after GC",
                "peak heap", "outbox disk");
        System.out.printf(Locale.ROOT, format, "-".repeat(64), "-".repeat(9), "-".repeat(8), "-".repeat(9), "-".repeat(8),
                "-".repeat(14), "-".repeat(14), "-".repeat(11));
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, format, r.server(), r.requests(), r.failures(),
                    String.format(Locale.ROOT, "%.0f", r.perSecond()),
                    String.format(Locale.ROOT, "%.2f", r.perSecond() / baseline),
                    (r.heapAfterGcBytes() >> 20) + " MB", (r.peakHeapBytes() >> 20) + " MB",
                    (r.diskBytes() >> 10) + " KB");
        }
        System.out.println();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
