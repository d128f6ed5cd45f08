package org.citygrid.edge.faults

import static org.citygrid.edge.testkit.Reports.report
import static org.citygrid.edge.testkit.Coap.*
import static org.eclipse.californium.core.coap.CoAP.ResponseCode.*

import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean
import org.citygrid.edge.testkit.ChildEdge
import org.citygrid.edge.testkit.EdgeFixture
import org.citygrid.edge.testkit.IntakeTopic
import org.eclipse.californium.core.CoapClient
import org.eclipse.californium.core.coap.Request
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The edge process is killed with SIGKILL in the middle of a burst and started again: every report
 * a device was answered 2.01 for reaches Kafka. (Those in flight at the kill got no answer; their
 * devices retry them, which is not what this spec is about.)
 */
class EdgeCrashSpec extends Specification {

    @TempDir
    java.nio.file.Path dir
    @AutoCleanup
    ChildEdge child
    @AutoCleanup
    IntakeTopic topic

    def "reports acknowledged before a SIGKILL all reach Kafka after the restart"() {
        given: 'an edge node in its own JVM, forwarding to a real broker'
        topic = IntakeTopic.fresh('crash')
        def config = EdgeFixture.writeConfig(dir, [kafka: [bootstrapServers: topic.bootstrapServers, topic: topic.name]])
        child = ChildEdge.start(config, dir.resolve('edge-1.log'))

        and: 'four field devices posting reports as fast as they are answered'
        def acknowledged = new ConcurrentLinkedQueue<String>()
        def killed = new AtomicBoolean()
        def halfway = new CountDownLatch(150)
        def uri = child.plainUri('r')
        def devices = (0..<4).collect { d ->
            Thread.start {
                def endpoint = plainEndpoint()
                try {
                    for (int i = 0; !killed.get(); i++) {
                        def request = Request.newPost()
                        request.setURI(uri)
                        request.options.setContentFormat(JSON)
                        request.setPayload(json(report(id: "b$d-$i", device: 'fd-01')))
                        def client = new CoapClient(uri)
                        client.setEndpoint(endpoint)
                        client.setTimeout(3000L)
                        def response = null
                        try {
                            response = client.advanced(request)
                        } catch (IOException ignored) {
                            // the node is gone: no answer is no acknowledgement
                        }
                        if (response?.code == CREATED) {
                            acknowledged << "edge-dc01:fd-01:r:b$d-$i".toString()
                            halfway.countDown()
                        }
                    }
                } finally {
                    endpoint.destroy()
                }
            }
        }

        when: 'the process is killed in the middle of the burst'
        assert halfway.await(60, TimeUnit.SECONDS)
        child.kill()
        killed.set(true)
        devices*.join()
        def acknowledgedBeforeKill = acknowledged.toSet()

        and: 'started again on the same data'
        child = ChildEdge.start(config, dir.resolve('edge-2.log'))

        then:
        acknowledgedBeforeKill.size() >= 150
        def consumed = topic.readUntil { all -> all*.record()*.intakeId().toSet().containsAll(acknowledgedBeforeKill) }
        (acknowledgedBeforeKill - consumed*.record()*.intakeId().toSet()).isEmpty()
    }
}
