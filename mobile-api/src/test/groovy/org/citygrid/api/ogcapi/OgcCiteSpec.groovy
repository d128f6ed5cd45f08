package org.citygrid.api.ogcapi

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject

import groovy.xml.XmlSlurper
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The official OGC conformance suite for OGC API - Features (ets-ogcapi-features10, issue 19) against
 * /ogcapi over MapData's city block, through the suite's own run script (which puts a proxy in front
 * that adds the map key: the suite cannot send credentials). The suite lives outside the repository:
 * {@code CITYGRID_OGC_CITE} names its folder, by default /work/shared/tools/ogc-cite.
 *
 * <p>Part 2 (CRS by reference) is not implemented yet and not declared, so the suite skips its 24
 * tests after its CRS precondition; run.sh counts those as skipped for a prerequisite and exits 1.
 * This spec reads the suite's TestNG report instead and holds Core and GeoJSON to the strict rule
 * (nothing failed, nothing skipped for a failed prerequisite); once Part 2 is declared, it should
 * require run.sh's exit code 0.
 */
@MicronautTest
class OgcCiteSpec extends MapSpec {

    static final Path SUITE = Path.of(System.getenv('CITYGRID_OGC_CITE') ?: '/work/shared/tools/ogc-cite')

    @Inject
    EmbeddedServer server

    def "the OGC API - Features suite finds nothing failed and nothing skipped for a failed prerequisite"() {
        given:
        Path script = SUITE.resolve('run.sh')
        assert Files.isExecutable(script): "the OGC CITE suite is not at $SUITE (no executable run.sh there): " +
                'set CITYGRID_OGC_CITE to the folder of ets-ogcapi-features10 and its run.sh (docs/map-services.md)'
        Path out = Files.createTempDirectory('ogc-cite')
        int proxyPort = new ServerSocket(0).withCloseable { it.localPort }
        def process = new ProcessBuilder('bash', script.toString())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve('run.log').toFile())
                .tap {
                    environment().putAll([CITYGRID_API    : "http://127.0.0.1:${server.port}".toString(),
                                          CITYGRID_MAP_KEY: mapKey(),
                                          PROXY_PORT      : proxyPort.toString(),
                                          OGC_CITE_OUT    : out.toString(),
                                          JAVA            : Path.of(System.getProperty('java.home'), 'bin', 'java').toString()])
                }
                .start()

        when:
        boolean finished = process.waitFor(300, TimeUnit.SECONDS)
        List<String> lines = out.resolve('run.log').toFile().readLines()
        println lines.join('\n')

        then:
        finished
        lines.last() ==~ /ogc cite: \d+ passed, 0 failed, \d+ skipped \(\d+ for failed prerequisites, 0 setup failures\)/

        when:
        def report = new XmlSlurper().parse(Files.walk(out).filter { it.fileName.toString() == 'testng-results.xml' }
                .findFirst().orElseThrow().toFile())
        def tests = report.'**'.findAll { it.name() == 'test-method' && it.@'is-config' != 'true' }
        def skippedForPrerequisite = tests.findAll {
            it.@status == 'SKIP' && (it.text().contains('depends on') || it.text().contains('ApiModel is not available'))
        }
        def crs = { it.parent().@name.toString().startsWith('org.opengis.cite.ogcapifeatures10.conformance.crs.') }

        then: 'Core and GeoJSON: nothing failed, nothing skipped because something before it failed'
        tests.findAll { it.@status == 'FAIL' }*.@name*.toString() == []
        skippedForPrerequisite.findAll { !crs(it) }*.@name*.toString() == []
        tests.count { it.@status == 'PASS' } > 200

        and: 'Part 2 is skipped only because it is not declared'
        tests.find { it.@name == 'verifyConformanceClass' && crs(it) }.text().contains('Conformance class CRS is not supported')
        skippedForPrerequisite.every { crs(it) }

        cleanup:
        process?.descendants()?.forEach { it.destroy() }
        process?.destroy()
    }
}
