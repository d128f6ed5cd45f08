package org.citygrid.cloud.restart

import org.apache.kafka.streams.KafkaStreams
import org.citygrid.cloud.CaseCycleApp
import org.citygrid.cloud.TopicSetup
import org.citygrid.cloud.testkit.LiveCaseCycle
import org.citygrid.cloud.testkit.TestGrids
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * A redeploy stops cloud-backend cleanly and starts it again. The new instance joins the case cycle's consumer
 * group under a new member id, and the group coordinator completes that join only once every member it knows has
 * rejoined or timed out. An instance that stopped without leaving is such a member until its session times out,
 * and nothing is dispatched until then (45 s by default; docs/benchmark.md, <i>After a start</i>). So a clean stop
 * must leave the group. The session timeout here is a minute, far longer than the check takes.
 */
class CleanStopSpec extends Specification {

    @Shared @AutoCleanup
    LiveCaseCycle live = new LiveCaseCycle('clean_stop', [CITYGRID_SESSION_TIMEOUT: 'PT60S'])

    def setupSpec() {
        TopicSetup.ensure(live.settings)
    }

    def "a case cycle stopped cleanly is no longer a member of its consumer group"() {
        given: 'the case cycle running, with its stream thread in the group'
        def app = CaseCycleApp.start(live.settings, new TestGrids(), false)
        live.eventually { app.streams().state() == KafkaStreams.State.RUNNING }
        def before = live.members().size()

        when:
        app.close()

        then: 'nobody left for the next instance to wait for'
        before == 1
        live.members().size() == 0
    }
}
