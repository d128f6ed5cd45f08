package org.citygrid.api.testkit

import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import java.util.concurrent.CopyOnWriteArrayList

/**
 * A local stand-in for Firebase's servers: answers FCM v1 messages:send like Google does, records
 * every request for the spec to assert, and calls the tokens in {@link #dead} UNREGISTERED.
 */
class FakeFcm implements Closeable {

    final List<Map> requests = new CopyOnWriteArrayList<>()
    final Set<String> dead = Collections.synchronizedSet(new HashSet<String>())
    private final HttpServer server
    private int sent = 0

    /**
     * The properties that point the API's push at this endpoint with test credentials, and start the
     * topic reader under {@code reader} (e.g. {@code citygrid.push.intents}) from the earliest record
     * in a consumer group of its own.
     */
    Map<String, String> apiProperties(String reader) {
        ['test.fake-fcm-credentials'   : 'true',
         'citygrid.push.project-id'    : 'citygrid-test',
         'citygrid.push.fcm-url'       : url(),
         ("${reader}.enabled".toString()): 'true',
         ("${reader}.start".toString())  : 'earliest',
         ("${reader}.group".toString())  : "${reader}-${UUID.randomUUID()}".toString()]
    }

    FakeFcm() {
        server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
        server.createContext('/') { exchange ->
            def body = new JsonSlurper().parse(exchange.requestBody)
            requests << [method: exchange.requestMethod, path: exchange.requestURI.path,
                         authorization: exchange.requestHeaders.getFirst('Authorization'), body: body]
            def token = body?.message?.token
            def (status, answer) = token in dead
                    ? [404, [error: [code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND',
                                     details: [['@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode: 'UNREGISTERED']]]]]
                    : [200, [name: "projects/citygrid-test/messages/${++sent}".toString()]]
            def bytes = JsonOutput.toJson(answer).getBytes('UTF-8')
            exchange.responseHeaders.add('Content-Type', 'application/json; charset=UTF-8')
            exchange.sendResponseHeaders(status, bytes.length)
            exchange.responseBody.withCloseable { it.write(bytes) }
        }
        server.start()
    }

    String url() {
        "http://127.0.0.1:${server.address.port}"
    }

    List<Map> messages() {
        requests.collect { it.body.message as Map }
    }

    @Override
    void close() {
        server.stop(0)
    }
}
