package org.citygrid.demo.drills

import java.time.Duration
import org.citygrid.demo.Console
import org.citygrid.demo.testing.DemoProcess
import spock.lang.Shared
import spock.lang.Specification

/**
 * LIVE, about 100 seconds: the poison drill (issue 13) at a small size, run once for every feature. The broker,
 * PostGIS, cloud-backend, mobile-api and an edge node start as the demo starts them, on the services' builds like
 * the other drill specs; 4 sensors load the node over DTLS while the 48 hostile inputs of {@link HostileCorpus} go
 * through every entry, each followed by a normal patrol report.
 *
 * <p>What the drill found wrong the first time it ran is {@link #KNOWN_DEFECTS}: the verdict must name exactly these,
 * so a new defect fails the spec, and so does the fix of a known one (then its line goes, with the
 * {@code @PendingFeature} that shows it).
 */
class PoisonDrillSpec extends Specification {
    /** Entry and input of each hostile input the system does not refuse clearly yet, and the verdict's line for it. */
    static final Map<List<String>, String> KNOWN_DEFECTS = [:]

    static final List<String> ENTRIES = ['CoAP /s', 'CoAP /r', 'API reports', 'API case actions', 'Open311 POST',
                                         'topic grid.intake', 'topic grid.commands', 'topic grid.case-events']

    @Shared
    ByteArrayOutputStream console = new ByteArrayOutputStream()
    @Shared
    PoisonVerdict verdict

    def setupSpec() {
        def options = new PoisonOptions(DemoProcess.ROOT, DemoProcess.ROOT.resolve('demo/target/demo-specs/poison'),
                4, 4, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(120),
                Duration.ofSeconds(180))
        verdict = new PoisonDrill(options, new Console(new PrintStream(console, true))).run()
    }

    def "the corpus goes through every entry, and the table shows each input with its answer"() {
        expect:
        verdict.results()*.input()*.entry().collect { it.replace(' (DTLS)', '') }.unique() == ENTRIES
        verdict.results().size() == 48
        def table = console.toString()
        verdict.results().every { table.contains(it.input().what()) }
        table.contains('CoAP /r (DTLS)')
    }

    def "#entry refuses each hostile input clearly, or it is set aside or refused downstream with its reason"() {
        given:
        def results = verdict.results().findAll { it.input().entry().startsWith(entry) && !known(it) }

        expect:
        !results.empty
        results.findAll { it.handlingProblem().present }.collect { "${it.input().what()}: ${it.handlingProblem().get()}" } == []

        and: 'an entry that answers, answers at once with a 4xx or 4.xx; a record on a topic gets a dead letter or a refusal'
        results.every { it.answer().produced() ? !it.answers().empty : it.answer().clearRefusal() }

        where:
        entry << ENTRIES
    }

    def "the API refuses a report of the wrong content type with a status and words that say what to send"() {
        expect:
        result('API reports', 'wrong content type (text/plain)').answer().clearRefusal()
    }

    def "after every hostile input, the normal report sent next reaches the read model within 10 s"() {
        expect:
        verdict.results().findAll { it.nextReportProblem(Duration.ofSeconds(10)).present }
                .collect { "${it.input().what()}: ${it.nextReportProblem(Duration.ofSeconds(10)).get()}" } == []
        verdict.slowestNextReport().get() <= Duration.ofSeconds(10)
    }

    def "no consumer stopped: cloud-backend and mobile-api answer UP or DEGRADED after each input and at the end"() {
        expect:
        verdict.results().findAll { it.stopped().present }.collect { "${it.input().what()}: ${it.stopped().get()}" } == []
        verdict.finalHealth()*.service() == ['cloud-backend', 'mobile-api']
        verdict.finalHealth().every { it.status() in ['UP', 'DEGRADED'] }

        and: "cloud-backend set the raw records aside and says DEGRADED (docs/cloud-backend.md); mobile-api set none of its own aside (a refusal of a command nobody named is passed over, and its one notification reader reads no case events) and says UP"
        verdict.finalHealth()*.status() == ['DEGRADED', 'UP']
    }

    def "no case was lost or doubled: each acknowledged alarm edge and each normal report made one transition"() {
        expect:
        verdict.count().acknowledged().size() > 0
        verdict.count().lost() == 0
        verdict.count().duplicated() == 0
        verdict.acknowledgedReports() == verdict.reports().size()
        verdict.lostReports() == 0
        verdict.doubledReports() == 0
    }

    def "the verdict names exactly the known defects, and the drill says FAIL for them"() {
        expect:
        verdict.failures() == KNOWN_DEFECTS.values() as List
        verdict.passed() == KNOWN_DEFECTS.isEmpty()
        KNOWN_DEFECTS.values().every { console.toString().contains('  - ' + it) }
    }

    private PoisonVerdict.Result result(String entry, String what) {
        verdict.results().find { it.input().entry() == entry && it.input().what() == what }
    }

    private static boolean known(PoisonVerdict.Result r) {
        KNOWN_DEFECTS.containsKey([r.input().entry(), r.input().what()])
    }
}
