package org.citygrid.api.console

import io.micronaut.context.annotation.Requires
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Get
import io.micronaut.http.annotation.QueryValue
import io.micronaut.scheduling.TaskExecutors
import io.micronaut.scheduling.annotation.ExecuteOn
import io.micronaut.security.annotation.Secured
import groovy.json.JsonSlurper
import org.citygrid.api.support.TestStack

import java.time.LocalDate

/**
 * A stand-in for the indicators endpoints another branch adds to mobile-api, answering their agreed
 * contract from grid.indicators with the formulas of docs/indicators.md, so the console's panel is
 * tested before the real endpoints are merged. Only ConsoleBrowserSpec turns it on; delete it (and
 * the property) when the real GET /api/v1/operator/indicators arrives.
 */
@Controller('/api/v1/operator/indicators')
@Secured('OPERATOR')
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = 'citygrid.test.indicators-stand-in', value = 'true')
class IndicatorsStandIn {

    @Get
    Map rows(@QueryValue String dimension, @QueryValue String level, @QueryValue String from, @QueryValue String to) {
        def rows = TestStack.instance.rows('''SELECT code, counts::text AS counts FROM grid.indicators
                WHERE dimension = ? AND level = ? AND day BETWEEN ? AND ? ORDER BY code''',
                [dimension, level, LocalDate.parse(from), LocalDate.parse(to)])
        def byCode = rows.groupBy { it.code }.collectEntries { code, days ->
            [(code): days.collect { new JsonSlurper().parseText(it.counts as String) as Map<String, Integer> }
                    .inject([:]) { Map sum, Map c -> c.each { k, v -> sum[k] = (sum[k] ?: 0) + v }; sum }]
        }
        [rows: byCode.collect { code, Map c ->
            [code: code, counts: c, indicators: [
                    closureRate      : ratio(c.CLOSED, c.FILED),
                    onTimeClosureRate: ratio(c.CLOSED_ON_TIME, c.CLOSED),
                    reworkRate       : ratio(c.REWORKED, c.CHECKED),
                    overdueCount     : ['OVERDUE_FILING', 'OVERDUE_DISPATCH', 'OVERDUE_HANDLING', 'OVERDUE_CHECK']
                            .sum { c[it] ?: 0 }]]
        }]
    }

    @Get('/daily')
    Map daily(@QueryValue String dimension, @QueryValue String level, @QueryValue String code,
              @QueryValue String from, @QueryValue String to) {
        def rows = TestStack.instance.rows('''SELECT day::text AS day, counts::text AS counts FROM grid.indicators
                WHERE dimension = ? AND level = ? AND code = ? AND day BETWEEN ? AND ? ORDER BY day''',
                [dimension, level, code, LocalDate.parse(from), LocalDate.parse(to)])
        [days: rows.collect { [day: it.day, counts: new JsonSlurper().parseText(it.counts as String)] }]
    }

    private static Double ratio(Integer part, Integer whole) {
        whole ? (part ?: 0) / (double) whole : null
    }
}
