package org.citygrid.cloud.testkit

import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/** GET on cloud-backend's HTTP endpoints, as a supervisor or a scraper would. */
class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    static HttpResponse<String> get(int port, String path) {
        CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:${port}${path}")).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString())
    }

    /** {@code /health} as JSON, with its status code as {@code httpStatus}. */
    static Map health(int port) {
        def response = get(port, '/health')
        new JsonSlurper().parseText(response.body()) as Map + [httpStatus: response.statusCode()]
    }

    /** The value of one series of {@code /metrics}, e.g. {@code citygrid_cloud_cases{state="DISPATCHED"}}, or null. */
    static Double metric(int port, String series) {
        def line = get(port, '/metrics').body().readLines().find { it.startsWith(series + ' ') }
        line == null ? null : Double.parseDouble(line.substring(series.length() + 1).trim())
    }
}
