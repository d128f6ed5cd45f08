package org.citygrid.edge.testkit

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/** One scrape of a node's {@code /metrics}, read as a Prometheus server would read the text format. */
class MetricsScrape {

    final int status
    final String contentType
    final String text
    /** Every sample of a 200 answer: series name with its labels as written ({@code name{a="b"}}), and value. */
    final Map<String, Double> samples

    private MetricsScrape(int status, String contentType, String text) {
        this.status = status
        this.contentType = contentType
        this.text = text
        this.samples = status != 200 ? [:] : text.readLines().findAll { it && !it.startsWith('#') }.collectEntries { line ->
            int space = line.lastIndexOf(' ')
            [line.substring(0, space), line.substring(space + 1) as double]
        }
    }

    static MetricsScrape of(int port, String path = '/metrics', String method = 'GET') {
        def response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:$port$path")).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString())
        new MetricsScrape(response.statusCode(), response.headers().firstValue('Content-Type').orElse(''), response.body())
    }

    /**
     * The value of the one series called {@code name} whose labels include {@code labels}; fails when
     * there is none (a missing series is a finding, not a zero).
     */
    double value(String name, Map<String, String> labels = [:]) {
        def matches = samples.findAll { series, v ->
            (series == name || series.startsWith(name + '{')) && labels.every { k, l -> series.contains("$k=\"$l\"") }
        }
        assert matches.size() == 1: "expected one series $name$labels in the scrape, found ${matches.keySet()}"
        matches.values().first()
    }
}
