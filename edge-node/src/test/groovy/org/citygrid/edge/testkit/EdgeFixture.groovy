package org.citygrid.edge.testkit

import groovy.json.JsonOutput
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.time.Clock
import java.time.Duration
import java.util.function.Supplier
import org.citygrid.edge.EdgeNode
import org.citygrid.edge.config.EdgeConfig
import org.citygrid.edge.forward.IntakeSink
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.wire.WireCodec
import org.eclipse.californium.core.network.Endpoint

/**
 * A real edge node on loopback with free ports, its registry, rules and data in a folder, and the
 * device endpoints a spec opens on it. Plain CoAP is on unless told otherwise, so specs can talk to
 * it without a handshake; DTLS is always on. Closing the fixture closes the endpoints it handed out
 * and the node, and deletes the folder when the fixture made it.
 */
class EdgeFixture implements AutoCloseable {

    static final String NEIGHBOURHOOD = '110101001001'
    static final Map CENTRE = [lon: 116.40321, lat: 39.91452]

    /** The registry every spec uses: one device per case worth telling apart. */
    static final List<Map> DEVICES = [
            [id: 'mc-0042', pskIdentity: 'mc-0042', key: key('mc-0042'), sensorType: 'manhole-tilt',
             position: [lon: 116.40330, lat: 39.91460], neighbourhood: NEIGHBOURHOOD, revoked: false],
            [id: 'wl-0007', pskIdentity: 'wl-0007', key: key('wl-0007'), sensorType: 'water-level',
             position: [lon: 116.40300, lat: 39.91440], neighbourhood: NEIGHBOURHOOD, revoked: false],
            [id: 'lamp-3', pskIdentity: 'lamp-3', key: key('lamp-3'), sensorType: 'street-lamp',
             position: [lon: 116.40310, lat: 39.91450], neighbourhood: NEIGHBOURHOOD, revoked: false],
            [id: 'fd-01', pskIdentity: 'fd-01', key: key('fd-01'), sensorType: null,
             position: null, neighbourhood: NEIGHBOURHOOD, revoked: false, workers: ['worker-1', 'worker-2']],
            [id: 'mc-0099', pskIdentity: 'mc-0099', key: key('mc-0099'), sensorType: 'manhole-tilt',
             position: [lon: 116.40330, lat: 39.91460], neighbourhood: NEIGHBOURHOOD, revoked: true],
            [id: 'mc-next', pskIdentity: 'mc-next', key: key('mc-next'), sensorType: 'manhole-tilt',
             position: [lon: 116.41000, lat: 39.92000], neighbourhood: '110101001002', revoked: false],
    ]

    /** Rules with debounce 1 and no minimum duration, so one reading raises: CoAP specs test the wire. */
    static final Map RULES = [
            'manhole-tilt': [quantity: 'tilt', unit: 'deg', min: 0, max: 180, direction: 'ABOVE', raiseAt: 15,
                             clearAt: 5, debounce: 1, minDurationSeconds: 0, reportingIntervalSeconds: 300],
            'water-level' : [quantity: 'level', unit: 'm', min: 0, max: 10, direction: 'ABOVE', raiseAt: 0.3,
                             clearAt: 0.1, debounce: 1, minDurationSeconds: 0, reportingIntervalSeconds: 60],
    ]

    final Path dir
    final EdgeNode node
    private final boolean ownsDir
    private final List<Endpoint> endpoints = []

    private EdgeFixture(Path dir, EdgeNode node, boolean ownsDir) {
        this.dir = dir
        this.node = node
        this.ownsDir = ownsDir
    }

    /** A registered device's pre-shared key: at least 16 bytes, as the registry demands. */
    static String key(String deviceId) {
        "secret-key-of-$deviceId"
    }

    /** A node in a folder of its own, deleted when the fixture closes. See {@link #start(Path, Map)} for the options. */
    static EdgeFixture start(Map options = [:]) {
        launch(Files.createTempDirectory("edge-fixture-"), options, true)
    }

    /**
     * A node in {@code dir}, which the caller owns (a spec that restarts the node on the same data).
     *
     * @param options budgetBytes, segmentBytes, maxReadingsBytes, maxReportBytes, plain (default true),
     *                rules (a map), rateLimit (the config's section), metrics (the config's section),
     *                kafka (the config's section), sink (a Supplier of IntakeSink instead of Kafka)
     */
    static EdgeFixture start(Path dir, Map options = [:]) {
        launch(dir, options, false)
    }

    private static EdgeFixture launch(Path dir, Map options, boolean ownsDir) {
        def config = EdgeConfig.load(writeConfig(dir, options))
        def sink = options.sink as Supplier<IntakeSink> ?: EdgeNode.kafkaSink(config)
        def node = EdgeNode.start(config, sink, Duration.ofMillis(50), Clock.systemUTC())
        new EdgeFixture(dir, node, ownsDir)
    }

    /** Writes edge.json, devices.json and rules.json (unless present) and returns edge.json. */
    static Path writeConfig(Path dir, Map options = [:]) {
        Files.createDirectories(dir)
        Files.writeString(dir.resolve('devices.json'), JsonOutput.toJson(DEVICES))
        if (options.rules != null || !Files.exists(dir.resolve('rules.json'))) {
            Files.writeString(dir.resolve('rules.json'), JsonOutput.toJson(options.rules ?: RULES))
        }
        def config = [
                nodeId       : 'edge-dc01',
                neighbourhood: [id: NEIGHBOURHOOD, centre: CENTRE, radiusMetres: 1500],
                coap         : [bindAddress     : '127.0.0.1', dtlsPort: options.dtlsPort ?: 0,
                                plainEnabled    : options.plain == null ? true : options.plain,
                                plainPort       : options.plainPort ?: 0,
                                maxReadingsBytes: options.maxReadingsBytes ?: 8192,
                                maxReportBytes  : options.maxReportBytes ?: 256 * 1024, protocolThreads: 0],
                devicesFile  : 'devices.json',
                rulesFile    : 'rules.json',
                dataDir      : 'data',
                outbox       : [budgetBytes      : options.budgetBytes ?: 64L * 1024 * 1024,
                                segmentBytes     : options.segmentBytes ?: 1024 * 1024,
                                retryAfterSeconds: 30],
                kafka        : options.kafka,
                // specs fire requests back to back, as no real device does: the rate limit's own spec sets its own
                rateLimit    : options.rateLimit ?: [requestsPerSecond: 1000, burst: 1000],
                metrics      : options.metrics,
        ]
        def file = dir.resolve('edge.json')
        Files.writeString(file, JsonOutput.prettyPrint(JsonOutput.toJson(config)))
        file
    }

    /** The registry's devices as maps, changed by {@code change}: for a rewrite of the registry file. */
    static List<Map> devicesWith(Closure change) {
        def devices = DEVICES.collect { new LinkedHashMap(it) }
        change(devices)
        devices
    }

    /** A plain (development) CoAP endpoint, closed with the fixture. */
    Endpoint plainClient() {
        keep(Coap.plainEndpoint())
    }

    /**
     * A DTLS endpoint of a registered device, with its key, closed with the fixture.
     *
     * @param expectRefusal see {@link Coap#dtlsEndpoint(String, String, boolean)}
     */
    Endpoint dtls(String deviceId, boolean expectRefusal = false) {
        keep(Coap.dtlsEndpoint(deviceId, key(deviceId), expectRefusal))
    }

    /** An endpoint made elsewhere, closed with the fixture. */
    Endpoint keep(Endpoint endpoint) {
        endpoints << endpoint
        endpoint
    }

    /** Every record in the outbox, forwarded or not, decoded with the shared wire codec. */
    List<IntakeRecord> outboxRecords() {
        node.outbox().read(0, 10_000).collect { WireCodec.intake().read(it.value()) }
    }

    /** The intake ids in the outbox, in order. */
    List<String> outboxIds() {
        outboxRecords()*.intakeId()
    }

    void rewriteRules(Map rules) {
        replace('rules.json', JsonOutput.toJson(rules))
    }

    void rewriteDevices(List<Map> devices) {
        replace('devices.json', JsonOutput.toJson(devices))
    }

    /** A new file by rename, as editors and config management do. */
    private void replace(String name, String content) {
        def tmp = dir.resolve(name + '.new')
        Files.writeString(tmp, content)
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
    }

    String plainUri(String path) {
        "coap://127.0.0.1:${node.plainPort()}/${path}"
    }

    String dtlsUri(String path) {
        "coaps://127.0.0.1:${node.dtlsPort()}/${path}"
    }

    @Override
    void close() {
        endpoints*.destroy()
        endpoints.clear()
        node.close()
        if (ownsDir) {
            dir.toFile().deleteDir()
        }
    }
}
