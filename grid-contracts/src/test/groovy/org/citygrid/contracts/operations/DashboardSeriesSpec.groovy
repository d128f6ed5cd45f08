package org.citygrid.contracts.operations

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/**
 * The Grafana dashboard in docs/grafana queries only series the services document (and serve: each
 * module's metrics spec scrapes what its page lists). A panel on a renamed or invented series would
 * stay empty on the day it is needed; this reads both files and names what does not match.
 */
class DashboardSeriesSpec extends Specification {

    static final Path DOCS = Path.of('..').toAbsolutePath().normalize().resolve('docs')
    static final List<String> SERVICE_PAGES = ['edge-node.md', 'cloud-backend.md', 'mobile-api.md']
    /** The families of series the services serve: ours, Kafka Streams', Micronaut's HTTP server's, the JVM's. */
    static final String FAMILY = /(?:citygrid|kafka_stream|http_server|jvm|process)_/
    /** A series a panel queries. */
    static final String SERIES = /\b${FAMILY}[a-z0-9_]+\b/
    /** A series a page documents, or a family of them written with a trailing {@code *} ({@code kafka_stream_*}). */
    static final String DOCUMENTED = /${FAMILY}[a-z0-9_]*\*?/

    @Shared
    Set<String> documented = SERVICE_PAGES.collectMany { page ->
        (Files.readString(DOCS.resolve(page)) =~ DOCUMENTED).collect { it }
    } as Set

    def "every series a panel of #dashboard queries is documented by its service"() {
        given:
        def panels = new ObjectMapper().readValue(DOCS.resolve("grafana/${dashboard}").toFile(), Map).panels
        def queried = panels.collectMany { it.targets*.expr ?: [] }.collectMany { expr -> (expr =~ SERIES).collect { it } } as Set

        expect: 'the dashboard queries something'
        !queried.isEmpty()

        and: 'each series it queries is on a service page, a summary or counter by its base name, Kafka Streams by its prefix'
        queried.findAll { !isDocumented(it) } == [] as Set

        where:
        dashboard << Files.list(DOCS.resolve('grafana')).withCloseable { files ->
            files.map { it.fileName.toString() }.filter { it.endsWith('.json') }.sorted().toList()
        }
    }

    def "a series no service documents is named as missing"() {
        expect:
        !isDocumented('citygrid_cloud_cases_reopened_total')
        isDocumented('citygrid_edge_forward_lag_seconds_count')
        isDocumented('kafka_stream_thread_process_rate')
    }

    boolean isDocumented(String series) {
        def base = series.replaceFirst(/_(count|sum|max|bucket)$/, '')
        series in documented || base in documented ||
                documented.any { it.endsWith('*') && series.startsWith(it[0..-2]) }
    }
}
