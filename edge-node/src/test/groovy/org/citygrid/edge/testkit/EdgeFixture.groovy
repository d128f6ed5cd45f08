package org.citygrid.edge.testkit

import groovy.json.JsonOutput
import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.Duration
import java.util.function.Supplier
import org.citygrid.edge.EdgeNode
import org.citygrid.edge.config.EdgeConfig
import org.citygrid.edge.forward.IntakeSink

/**
 * A real edge node on loopback with free ports, its registry, rules and data in a temp folder.
 * Plain CoAP is on so specs can talk to it without a handshake; DTLS is always on.
 */
class EdgeFixture implements AutoCloseable {

    static final String NEIGHBOURHOOD = '110101001001'
    static final Map CENTRE = [lon: 116.40321, lat: 39.91452]

    /** The registry every spec uses: one device per case worth telling apart. */
    static final List<Map> DEVICES = [
            [id: 'mc-0042', pskIdentity: 'mc-0042', key: 'secret-key-of-mc-0042', sensorType: 'manhole-tilt',
             position: [lon: 116.40330, lat: 39.91460], neighbourhood: NEIGHBOURHOOD, revoked: false],
            [id: 'wl-0007', pskIdentity: 'wl-0007', key: 'secret-key-of-wl-0007', sensorType: 'water-level',
             position: [lon: 116.40300, lat: 39.91440], neighbourhood: NEIGHBOURHOOD, revoked: false],
            [id: 'lamp-3', pskIdentity: 'lamp-3', key: 'secret-key-of-lamp-3', sensorType: 'street-lamp',
             position: [lon: 116.40310, lat: 39.91450], neighbourhood: NEIGHBOURHOOD, revoked: false],
            [id: 'fd-01', pskIdentity: 'fd-01', key: 'secret-key-of-fd-01', sensorType: null,
             position: null, neighbourhood: NEIGHBOURHOOD, revoked: false, workers: ['worker-1', 'worker-2']],
            [id: 'mc-0099', pskIdentity: 'mc-0099', key: 'secret-key-of-mc-0099', sensorType: 'manhole-tilt',
             position: [lon: 116.40330, lat: 39.91460], neighbourhood: NEIGHBOURHOOD, revoked: true],
            [id: 'mc-next', pskIdentity: 'mc-next', key: 'secret-key-of-mc-next', sensorType: 'manhole-tilt',
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

    private EdgeFixture(Path dir, EdgeNode node) {
        this.dir = dir
        this.node = node
    }

    /**
     * @param options budgetBytes, segmentBytes, maxReadingsBytes, maxReportBytes, plain (default true),
     *                rules (a map), kafka (the config's kafka
     *                section), sink (a Supplier of IntakeSink instead of Kafka)
     */
    static EdgeFixture start(Path dir, Map options = [:]) {
        def config = EdgeConfig.load(writeConfig(dir, options))
        def sink = options.sink as Supplier<IntakeSink> ?: EdgeNode.kafkaSink(config)
        def node = EdgeNode.start(config, sink, Duration.ofMillis(50), Clock.systemUTC())
        new EdgeFixture(dir, node)
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
        ]
        def file = dir.resolve('edge.json')
        Files.writeString(file, JsonOutput.prettyPrint(JsonOutput.toJson(config)))
        file
    }

    void rewriteRules(Map rules) {
        // a new file by rename, as editors and config management do
        def tmp = dir.resolve('rules.json.new')
        Files.writeString(tmp, JsonOutput.toJson(rules))
        Files.move(tmp, dir.resolve('rules.json'), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE)
    }

    void rewriteDevices(List<Map> devices) {
        def tmp = dir.resolve('devices.json.new')
        Files.writeString(tmp, JsonOutput.toJson(devices))
        Files.move(tmp, dir.resolve('devices.json'), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE)
    }

    String plainUri(String path) {
        "coap://127.0.0.1:${node.plainPort()}/${path}"
    }

    String dtlsUri(String path) {
        "coaps://127.0.0.1:${node.dtlsPort()}/${path}"
    }

    @Override
    void close() {
        node.close()
    }
}
