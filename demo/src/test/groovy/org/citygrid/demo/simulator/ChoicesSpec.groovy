package org.citygrid.demo.simulator

import com.fasterxml.jackson.databind.ObjectMapper
import spock.lang.Specification

import static org.citygrid.demo.simulator.Choices.OnDispatched.ACCEPT
import static org.citygrid.demo.simulator.Choices.OnDispatched.RETURN
import static org.citygrid.demo.simulator.Choices.OnInProgress.ASK_EXTENSION
import static org.citygrid.demo.simulator.Choices.OnInProgress.REPORT_HANDLED

class ChoicesSpec extends Specification {
    static final JSON = new ObjectMapper()

    /** A draw that always comes out at {@code value}, so a share decides alone. */
    static Random drawing(double value) {
        new Random() {
            @Override
            double nextDouble() { value }

            @Override
            int nextInt(int bound) { 0 }
        }
    }

    static CaseTimeline timeline(String... types) {
        def view = JSON.createObjectNode()
        def entries = view.putArray('timeline')
        types.eachWithIndex { type, i ->
            def e = entries.addObject().put('version', i + 1).put('type', type)
            def change = e.putObject('change').put('type', type)
            if (type == 'Returned') {
                change.put('department', "DEPT_$i".toString())
            }
        }
        new CaseTimeline(view)
    }

    def "a handler returns a fresh task when the draw falls inside the return share, and accepts otherwise"() {
        given:
        def choices = new Choices(new PeopleShares(0.05, 0, 1), drawing(draw))

        expect:
        choices.onDispatched { Optional.of(timeline('Reported', 'Filed', 'Dispatched')) } == step

        where:
        draw  || step
        0.0   || RETURN
        0.049 || RETURN
        0.05  || ACCEPT
        0.9   || ACCEPT
    }

    def "a handler does not read the case when they are going to accept it anyway"() {
        given:
        def choices = new Choices(new PeopleShares(0.05, 0, 1), drawing(0.5))
        int reads = 0

        when:
        def step = choices.onDispatched { reads++; Optional.of(timeline('Dispatched')) }

        then:
        step == ACCEPT
        reads == 0
    }

    def "a handler never returns a case that was returned before, a rework, or one they cannot read"() {
        given:
        def choices = new Choices(new PeopleShares(1, 0, 1), drawing(0))

        expect:
        choices.onDispatched { seen } == ACCEPT

        where:
        seen << [Optional.of(timeline('Reported', 'Filed', 'Dispatched', 'Returned', 'Dispatched')),
                 Optional.of(timeline('Dispatched', 'Accepted', 'Handled', 'CheckFailed', 'Dispatched')),
                 Optional.empty()]
    }

    def "a handler asks for an extension within the share, and only once per case"() {
        given:
        def choices = new Choices(new PeopleShares(0, 0.1, 1), drawing(draw))

        expect:
        choices.onInProgress(askedBefore) == step

        where:
        draw | askedBefore || step
        0.05 | false       || ASK_EXTENSION
        0.05 | true        || REPORT_HANDLED
        0.1  | false       || REPORT_HANDLED
    }

    def "the desk approves extension requests within the approve share and refuses the rest"() {
        expect:
        new Choices(new PeopleShares(0, 0, 0.8), drawing(draw)).approvesExtension() == approves

        where:
        draw || approves
        0.0  || true
        0.79 || true
        0.8  || false
    }

    def "the desk re-dispatches a returned case only where the case cycle could not place it"() {
        given:
        def choices = new Choices(PeopleShares.DEFAULT, drawing(0))
        def staffed = ['DRAINAGE', 'SANITATION', 'TELECOM'] as Set

        expect:
        choices.redispatch(state, department, returnedBy, staffed) == Optional.ofNullable(target)

        where:
        state         | department                  | returnedBy                              || target
        'DISPATCHED'  | 'STREET_OFFICE:110101001'   | ['DRAINAGE']                            || 'SANITATION'
        'FILED'       | null                        | ['DRAINAGE']                            || 'SANITATION'
        'DISPATCHED'  | 'SANITATION'                | ['DRAINAGE']                            || null
        'DISPATCHED'  | 'DRAINAGE'                  | ['DRAINAGE']                            || 'SANITATION'
        'IN_PROGRESS' | 'STREET_OFFICE:110101001'   | ['DRAINAGE']                            || null
        'FILED'       | null                        | ['DRAINAGE', 'SANITATION', 'TELECOM']   || null
    }

    def "the timeline tells who returned a case and whether an extension request waits"() {
        given:
        def t = timeline(*types)

        expect:
        t.wasReturned() == returned
        t.extensionWaiting() == waiting
        t.extensionAnswered() == answered

        where:
        types                                                                || returned | waiting | answered
        ['Dispatched', 'Accepted']                                           || false    | false   | false
        ['Dispatched', 'Returned', 'Dispatched', 'Accepted']                 || true     | false   | false
        ['Accepted', 'ExtensionRequested']                                   || false    | true    | false
        ['Accepted', 'ExtensionRequested', 'DeadlineWarned']                 || false    | true    | false
        ['Accepted', 'ExtensionRequested', 'ExtensionApproved']              || false    | false   | true
        ['ExtensionRequested', 'ExtensionRejected', 'ExtensionRequested']    || false    | true    | false
    }

    def "the departments that returned a case come from the Returned entries"() {
        expect:
        timeline('Dispatched', 'Returned', 'Dispatched', 'Returned').returnedBy() == ['DEPT_1', 'DEPT_3']
    }

    def "a share outside 0 to 1 is refused"() {
        when:
        new PeopleShares(0.05, 1.5, 0.8)

        then:
        thrown(IllegalArgumentException)
    }
}
