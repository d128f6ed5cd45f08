package org.citygrid.demo.api

import com.sun.net.httpserver.HttpServer
import java.nio.charset.StandardCharsets
import spock.lang.Specification

/** The demo prints the phone app's address only when mobile-api really serves a page there. */
class PhoneAppSpec extends Specification {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)

    def cleanup() {
        server.stop(0)
    }

    URI base() {
        URI.create("http://127.0.0.1:${server.address.port}")
    }

    /** Answers {@code answers[path]} ([status, content type]) on the paths under /app, 404 elsewhere. */
    void serve(Map<String, List> answers) {
        server.createContext('/') { exchange ->
            def (status, type) = answers.getOrDefault(exchange.requestURI.path, [404, 'application/problem+json'])
            byte[] body = (type == 'text/html' ? '<!doctype html><title>CityGrid</title>' : '{}').getBytes(StandardCharsets.UTF_8)
            exchange.responseHeaders.add('Content-Type', type)
            exchange.sendResponseHeaders(status, body.length)
            exchange.responseBody.withCloseable { it.write(body) }
        }
        server.start()
    }

    def "#situation: #expected"() {
        given:
        serve(answers)

        expect:
        PhoneApp.address(base()).map { it.path }.orElse('no address') == expected

        where:
        situation                                              | answers                                                                    || expected
        'the app at /app'                                      | ['/app': [200, 'text/html']]                                               || '/app'
        'only its index page answers'                          | ['/app/index.html': [200, 'text/html']]                                    || '/app/index.html'
        'mobile-api without the app (anonymous: 401)'          | ['/app': [401, 'application/json'], '/app/': [401, 'application/json'],
                                                                  '/app/index.html': [401, 'application/json']]                            || 'no address'
        'something other than a page'                          | ['/app': [200, 'application/json']]                                       || 'no address'
    }

    def "no server at all: no address"() {
        given:
        serve([:])
        def port = server.address.port
        server.stop(0)

        expect:
        PhoneApp.address(URI.create("http://127.0.0.1:$port")).isEmpty()
    }
}
