package org.citygrid.edge.metrics

import static org.citygrid.edge.testkit.Coap.*
import static org.citygrid.edge.testkit.Reports.report
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import org.citygrid.edge.testkit.EdgeFixture
import org.citygrid.edge.testkit.IntakeTopic
import org.citygrid.edge.testkit.MetricsScrape
import org.citygrid.edge.testkit.TiltStream
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/**
 * {@code GET /metrics} scraped before and after a small load, as Prometheus would: the named series
 * move. Two nodes: one forwarding to a real broker (forwarded records, forward lag), one without
 * Kafka whose outbox fills (depth, age of the oldest record) and whose limit is low (4.29s).
 */
class MetricsEndpointSpec extends Specification {

    static final Map NODE = [node: 'edge-dc01']

    @Shared
    @AutoCleanup
    IntakeTopic topic = IntakeTopic.fresh('metrics')
    @Shared
    @AutoCleanup
    EdgeFixture forwarding = EdgeFixture.start([kafka: topic.edgeConfig(), metrics: [port: 0]])
    @Shared
    @AutoCleanup
    EdgeFixture cutOff = EdgeFixture.start([metrics: [port: 0], rateLimit: [requestsPerSecond: 0.2, burst: 2]])

    MetricsScrape scrape(EdgeFixture edge) {
        MetricsScrape.of(edge.node.metricsPort())
    }

    def "readings, alarms, reports, refusals, DTLS and forwarding move under load; JVM metrics are there"() {
        given:
        def before = scrape(forwarding)
        def manhole = forwarding.dtls('mc-0042')
        def fieldDevice = forwarding.dtls('fd-01')

        when: 'a small load: ten alarm edges over DTLS, a report, two refusals'
        (0..<10).each { i -> assert post(manhole, forwarding.dtlsUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: i % 2 ? 1 : 40]]), SENML_JSON).code == CHANGED }
        assert post(fieldDevice, forwarding.dtlsUri('r'), json(report()), JSON).code == CREATED
        assert post(fieldDevice, forwarding.dtlsUri('r'), json(report(id: 'r-2', reporter: 'worker-9')), JSON).code == FORBIDDEN
        assert post(manhole, forwarding.dtlsUri('s/mc-0042'), text('[{"n":'), SENML_JSON).code == BAD_REQUEST
        new PollingConditions(timeout: 30).eventually {
            assert scrape(forwarding).value('citygrid_edge_forwarded_total', NODE) == 11
        }
        def after = scrape(forwarding)

        then: 'served as the Prometheus text format'
        after.status == 200
        after.contentType == 'text/plain; version=0.0.4; charset=utf-8'

        and: 'each named series moved by what the load did'
        moved(before, after, 'citygrid_edge_readings_accepted_total') == 10
        moved(before, after, 'citygrid_edge_alarms_total', [state: 'raised']) == 5
        moved(before, after, 'citygrid_edge_alarms_total', [state: 'cleared']) == 5
        moved(before, after, 'citygrid_edge_reports_accepted_total') == 1
        moved(before, after, 'citygrid_edge_refusals_total', [reason: 'unlinked-reporter']) == 1
        moved(before, after, 'citygrid_edge_refusals_total', [reason: 'malformed']) == 1
        moved(before, after, 'citygrid_edge_refusals_total', [reason: 'rate-limited']) == 0
        moved(before, after, 'citygrid_edge_forwarded_total') == 11
        moved(before, after, 'citygrid_edge_forward_lag_seconds_count') == 11
        after.value('citygrid_edge_forward_lag_seconds_sum', NODE) > 0
        moved(before, after, 'citygrid_edge_dtls_handshakes_total', [outcome: 'succeeded']) == 2
        after.value('citygrid_edge_dtls_sessions', NODE) == 2
        after.value('citygrid_edge_outbox_depth_records', NODE) == 0
        after.value('citygrid_edge_dead_letters_records', NODE) == 0

        and: 'the JVM is there too'
        after.samples.findAll { series, v -> series.startsWith('jvm_memory_used_bytes{area="heap"') }.values().sum() > 0
        after.value('jvm_threads_live_threads', NODE) > 0
        after.value('process_uptime_seconds', NODE) > 0
    }

    def "a node that cannot forward shows its outbox depth and the age of its oldest record growing, and its 4.29s"() {
        given:
        def device = cutOff.plainClient()
        def before = scrape(cutOff)

        when:
        TiltStream.post(device, cutOff, 0, 2)
        Thread.sleep(1100)
        def limited = post(device, cutOff.plainUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: 40]]), SENML_JSON)
        def after = scrape(cutOff)

        then:
        limited.code == TOO_MANY_REQUESTS
        moved(before, after, 'citygrid_edge_outbox_depth_records') == 2
        after.value('citygrid_edge_outbox_oldest_age_seconds', NODE) >= 1
        after.value('citygrid_edge_outbox_disk_bytes', NODE) > before.value('citygrid_edge_outbox_disk_bytes', NODE)
        moved(before, after, 'citygrid_edge_refusals_total', [reason: 'rate-limited']) == 1
    }

    def "only GET /metrics is served"() {
        expect:
        MetricsScrape.of(forwarding.node.metricsPort(), path, method).status == status

        where:
        path       | method || status
        '/metrics' | 'HEAD' || 200
        '/metrics' | 'POST' || 405
        '/'        | 'GET'  || 404
        '/health'  | 'GET'  || 404
    }

    def "metrics are off unless edge.json has a metrics section, and then answer on the loopback address only"() {
        given: 'a node whose edge.json has no metrics section'
        def silent = EdgeFixture.start()

        expect: 'it serves no /metrics at all'
        silent.node.metricsPort() == -1

        and: 'a node with a metrics section but no bindAddress answers on 127.0.0.1 ...'
        MetricsScrape.of(forwarding.node.metricsPort()).status == 200

        and: '... and refuses a scraper coming through the host\'s own network address'
        def outside = hostAddress()
        outside == null || !reachable(outside, forwarding.node.metricsPort())

        cleanup:
        silent?.close()
    }

    /** The first non-loopback IPv4 address of this host, or null on a host that has none. */
    static InetAddress hostAddress() {
        NetworkInterface.networkInterfaces().filter { it.up && !it.loopback }
                .flatMap { it.inetAddresses() }
                .filter { it instanceof Inet4Address }
                .findFirst().orElse(null)
    }

    static boolean reachable(InetAddress address, int port) {
        try (def socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000)
            return true
        } catch (ConnectException refused) {
            return false
        }
    }

    static double moved(MetricsScrape before, MetricsScrape after, String name, Map labels = [:]) {
        after.value(name, labels + NODE) - before.value(name, labels + NODE)
    }
}
