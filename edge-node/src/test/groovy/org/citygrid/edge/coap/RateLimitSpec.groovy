package org.citygrid.edge.coap

import static org.citygrid.edge.testkit.Coap.*
import static org.citygrid.edge.testkit.Reports.report
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import org.citygrid.edge.metrics.RejectReason
import org.citygrid.edge.testkit.EdgeFixture
import org.eclipse.californium.core.network.Endpoint
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** A device that posts faster than its rate limit hears 4.29 with Max-Age; the others do not notice. */
class RateLimitSpec extends Specification {

    @Shared
    @AutoCleanup
    EdgeFixture edge = EdgeFixture.start([plain: false, rateLimit: [requestsPerSecond: 0.5, burst: 3]])

    def "the request after a burst of three gets 4.29 with Max-Age, counted, and changes nothing"() {
        given:
        def manhole = edge.dtls('mc-0042')
        def before = edge.node.outbox().nextOffset()

        when:
        def answers = (1..4).collect { post(manhole, edge.dtlsUri('s/mc-0042'), json([[n: 'tilt', u: 'deg', v: 2]]), SENML_JSON) }
        def limited = answers.last()

        then:
        answers*.code == [CHANGED, CHANGED, CHANGED, TOO_MANY_REQUESTS]
        limited.options.maxAge == 2
        limited.responseText == 'rate-limited: device mc-0042 may make 0.5 requests per second (3 at once); retry in 2 s'
        edge.node.metrics().rejectedCount(RejectReason.RATE_LIMITED) == 1
        edge.node.metrics().readingsAccepted() == 3

        and: 'another device is not slowed down'
        post(edge.dtls('wl-0007'), edge.dtlsUri('s/wl-0007'), json([[n: 'level', u: 'm', v: 0.9]]), SENML_JSON).code == CHANGED

        and: 'the limited reading raised nothing'
        edge.node.outbox().nextOffset() == before + 1
    }

    def "reports count against the same kind of limit, and a device that waits Max-Age gets through"() {
        given:
        def fieldDevice = edge.dtls('fd-01')
        def post = { String id -> post(fieldDevice, edge.dtlsUri('r'), json(report(id: id)), JSON) }

        when:
        def answers = ['r1', 'r2', 'r3', 'r4'].collect(post)

        then:
        answers*.code == [CREATED, CREATED, CREATED, TOO_MANY_REQUESTS]
        answers.last().options.maxAge == 2

        when:
        Thread.sleep(answers.last().options.maxAge * 1000)

        then:
        post('r4').code == CREATED
    }
}
