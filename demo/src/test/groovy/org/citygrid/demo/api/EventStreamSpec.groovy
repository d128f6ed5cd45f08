package org.citygrid.demo.api

import com.sun.net.httpserver.HttpServer
import java.nio.charset.StandardCharsets
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.lang.Timeout

/**
 * ApiClient's server-sent event reader against a loopback HTTP server that answers as mobile-api's
 * {@code /api/v1/operator/live} does (the live stream itself is read in PeopleLiveSpec).
 */
@Timeout(30)
class EventStreamSpec extends Specification {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
    CountDownLatch hangUp = new CountDownLatch(1)
    String seenAuthorization

    def setup() {
        server.createContext('/live') { exchange ->
            seenAuthorization = exchange.requestHeaders.getFirst('Authorization')
            exchange.responseHeaders.add('Content-Type', 'text/event-stream')
            exchange.sendResponseHeaders(200, 0)
            exchange.responseBody.withCloseable { out ->
                out.write(('event:connected\ndata:{"connected":true}\n\n'
                        + ': keep-alive\n\n'
                        + 'event: Returned\nid: c-1/4\ndata: {"caseId":"c-1","version":4,\ndata: "change":{"type":"Returned"}}\n\n'
                        + 'id: no-data\n\n'
                        + 'data: plain words\n\n').getBytes(StandardCharsets.UTF_8))
                out.flush()
                if (exchange.requestURI.query == 'hold') {
                    hangUp.await(20, TimeUnit.SECONDS) // keeps the stream open, as the live stream does
                }
            }
        }
        server.createContext('/refused') { exchange ->
            exchange.sendResponseHeaders(401, -1)
            exchange.close()
        }
        server.start()
    }

    def cleanup() {
        hangUp.countDown()
        server.stop(0)
    }

    ApiClient client() {
        new ApiClient(URI.create("http://127.0.0.1:${server.address.port}"))
    }

    def "events come with their names, ids and JSON data; comments and events without data are skipped"() {
        when:
        def stream = client().openStream('/live', 'token-1')
        def events = (1..4).collect { stream.next() }

        then:
        stream.status() == 200
        seenAuthorization == 'Bearer token-1'
        events*.name() == ['connected', 'Returned', 'message', null]
        events[0].data().path('connected').asBoolean()
        events[1].id() == 'c-1/4'
        events[1].data().path('caseId').asText() == 'c-1'
        events[1].data().path('change').path('type').asText() == 'Returned'
        events[2].data().asText() == 'plain words'
        events[2].id() == null

        cleanup:
        stream?.close()
    }

    def "a refused stream has its status and no events"() {
        when:
        def stream = client().openStream('/refused', 'expired')

        then:
        stream.status() == 401
        stream.next() == null
    }

    def "closing the stream from another thread ends a read that waits for the next event"() {
        given:
        def stream = client().openStream('/live?hold', 'token-1')
        (1..3).each { stream.next() }
        def closer = Thread.start { Thread.sleep(300); stream.close() }

        when: 'the server has nothing more to say and keeps the connection open'
        def next = stream.next()

        then:
        next == null

        cleanup:
        closer?.join()
    }
}
