package org.citygrid.api.testkit

import org.citygrid.api.readmodel.CaseRow

import java.time.Instant

/** A grid.cases row as a record, with the defaults of ReadModelFixture.insertCase: a reported manhole cover in 110101001001023. */
class CaseRows {

    static CaseRow row(Map f = [:]) {
        String state = f.state ?: 'REPORTED'
        new CaseRow(
                (String) (f.caseId ?: "case-${UUID.randomUUID()}"),
                (long) (f.version ?: 1L),
                state,
                state in ['CLOSED', 'DISMISSED', 'VOIDED'],
                (String) (f.categoryCode ?: 'C0101'),
                (String) (f.gridCode ?: '110101001001023'),
                '110101001001',
                116.40325d, 39.91449d,
                (String) (f.channel ?: 'RESIDENT'),
                'loose cover',
                (String) (f.reporterId ?: 'resident-1'),
                false,
                (String) f.department,
                (String) f.assignee,
                (String) f.activeStage,
                (Instant) f.deadline,
                [], (List<String>) (f.followers ?: []),
                null,
                Instant.parse('2026-03-02T01:00:00Z'), Instant.parse('2026-03-02T01:00:00Z'), null,
                null, null, (String) f.caseNumber)
    }
}
