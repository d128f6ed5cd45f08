package org.citygrid.cloud.ledger

import static org.citygrid.cloud.testkit.TestGrids.HERE
import static org.citygrid.cloud.testkit.TestGrids.east

import java.time.Duration
import java.time.Instant
import org.citygrid.cloud.testkit.CaseCycleRig
import org.citygrid.model.cases.Case
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseReports
import org.citygrid.model.intake.AlarmState
import spock.lang.AutoCleanup
import spock.lang.Specification

/**
 * The folded case remembers the last {@value CaseReports#MAX_CLEARED_EPISODES} ended alarm episodes, however many
 * sensors join it and clear (docs/security.md, the cases store): a storm of sensors on one spot cannot grow the
 * stored case. Every clear stays in the audit trail on grid.case-events; only the stored case forgets the oldest.
 */
class EndedEpisodesBoundSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-03-02T02:00:00Z')
    static final int SENSORS = 25

    @AutoCleanup
    CaseCycleRig cycle = new CaseCycleRig(T0, [CITYGRID_DUPLICATE_DISTANCE_M: '50', CITYGRID_DUPLICATE_WINDOW: 'PT12H'])

    def "25 sensors on one spot raise and clear: the stored case keeps the last 20 ended episodes, the events keep all 25"() {
        when: 'sensors mc-1 .. mc-25 each raise an alarm that joins one case, then clear it'
        (1..SENSORS).each { i ->
            cycle.sensor(device: "mc-$i", episode: "mc-$i:ep-1", position: east(HERE, i % 5), at: T0 + Duration.ofMinutes(2 * i))
            cycle.sensor(device: "mc-$i", episode: "mc-$i:ep-1", state: AlarmState.CLEARED, at: T0 + Duration.ofMinutes(2 * i + 1))
        }

        then: 'one case, with every clear in its history'
        cycle.caseIds().size() == 1
        def caseId = cycle.caseIds().first()
        cycle.events(caseId).findAll { it.change() instanceof CaseChange.AlarmCleared }*.change()*.episodeId() ==
                (1..SENSORS).collect { "mc-$it:ep-1".toString() }

        and: 'the stored case and its snapshot remember the last 20, oldest first'
        def last20 = (SENSORS - CaseReports.MAX_CLEARED_EPISODES + 1..SENSORS).collect { "mc-$it:ep-1".toString() }
        CaseReports.MAX_CLEARED_EPISODES == 20
        List.copyOf(stored(caseId).reports().clearedEpisodes()) == last20
        cycle.snapshot(caseId).clearedEpisodes() as Set == last20 as Set
    }

    def "a clear of a forgotten episode is recorded again; a clear of a remembered one is refused as already cleared"() {
        given: '25 sensors raised and cleared on one case'
        (1..SENSORS).each { i ->
            cycle.sensor(device: "mc-$i", episode: "mc-$i:ep-1", at: T0 + Duration.ofMinutes(2 * i))
            cycle.sensor(device: "mc-$i", episode: "mc-$i:ep-1", state: AlarmState.CLEARED, at: T0 + Duration.ofMinutes(2 * i + 1))
        }
        def caseId = cycle.caseIds().first()
        int clearsBefore = cleared(caseId).size()

        when: 'the clear of the oldest (forgotten) and of the newest (remembered) episode arrive again under new intake ids'
        cycle.sensor(device: 'mc-1', episode: 'mc-1:ep-1', state: AlarmState.CLEARED, intakeId: 'edge-dc01:resent-1',
                at: T0 + Duration.ofMinutes(60))
        cycle.sensor(device: "mc-$SENSORS", episode: "mc-$SENSORS:ep-1", state: AlarmState.CLEARED,
                intakeId: 'edge-dc01:resent-25', at: T0 + Duration.ofMinutes(61))

        then:
        cleared(caseId).drop(clearsBefore) == ['mc-1:ep-1']
        cycle.commandRejections().find { it.commandId == 'intake:edge-dc01:resent-25' }?.reason == 'ALREADY_FLAGGED'
        stored(caseId).reports().clearedEpisodes().size() == CaseReports.MAX_CLEARED_EPISODES
        List.copyOf(stored(caseId).reports().clearedEpisodes()).last() == 'mc-1:ep-1'
    }

    private List<String> cleared(String caseId) {
        cycle.events(caseId).findAll { it.change() instanceof CaseChange.AlarmCleared }*.change()*.episodeId()
    }

    /** The case as the task's cases store holds it. */
    private Case stored(String caseId) {
        cycle.driver.getKeyValueStore(CaseStore.STORE).get(caseId) as Case
    }
}
