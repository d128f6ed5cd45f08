package org.citygrid.cloud.health

import static org.citygrid.cloud.health.Health.Status.*

import groovy.json.JsonSlurper
import java.util.function.Supplier
import org.citygrid.cloud.testkit.Http
import spock.lang.Specification

/** What /health answers for each state of the parts, over real HTTP on the JDK's server; and /metrics' format. */
class HealthEndpointsSpec extends Specification {

    static Health.Part streams(Health.Status status) {
        new Health.Part('streams', status == UP ? 'RUNNING' : 'ERROR', status, status == UP ? null : 'the case cycle is not running')
    }

    static Health.Part projection(Health.Status status) {
        new Health.Part('projection', [(UP): 'RUNNING', (DEGRADED): 'WAITING', (DOWN): 'STOPPED'][status], status,
                status == UP ? null : 'waiting for the read model\'s database: Connection refused')
    }

    def "streams #s, projection #p, #letters dead letters: #expected, HTTP #code"() {
        given:
        def health = new Health([{ streams(s) } as Supplier, { projection(p) } as Supplier], { letters as long })
        def http = HttpEndpoints.start('127.0.0.1', 0, health, { '# no metrics\n' })

        when:
        def response = Http.get(http.port(), '/health')
        def body = new JsonSlurper().parseText(response.body())

        then:
        response.statusCode() == code
        response.headers().firstValue('Content-Type').get() == 'application/json'
        body.status == expected.name()
        body.streams.status == s.name()
        body.projection.state == [(UP): 'RUNNING', (DEGRADED): 'WAITING', (DOWN): 'STOPPED'][p]
        body.deadLetters == letters

        cleanup:
        http?.close()

        where:
        s    | p        | letters || expected | code
        UP   | UP       | 0       || UP       | 200
        UP   | UP       | 2       || DEGRADED | 200
        UP   | DEGRADED | 0       || DEGRADED | 200
        DOWN | UP       | 0       || DOWN     | 503
        UP   | DOWN     | 1       || DOWN     | 503
    }

    def "/metrics is the Prometheus text format; other paths are 404, other methods 405"() {
        given:
        def http = HttpEndpoints.start('127.0.0.1', 0, new Health([], { 0L } as java.util.function.LongSupplier), { 'citygrid_cloud_health 2.0\n' })

        expect:
        with(Http.get(http.port(), '/metrics')) {
            statusCode() == 200
            headers().firstValue('Content-Type').get() == 'text/plain; version=0.0.4; charset=utf-8'
            body() == 'citygrid_cloud_health 2.0\n'
        }
        Http.get(http.port(), '/manage/health').statusCode() == 404
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:${http.port()}/health"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 405

        cleanup:
        http?.close()
    }
}
