package org.citygrid.api.console

import io.micronaut.http.HttpRequest
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.CaseState
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.Evidence
import org.citygrid.model.cases.ReportDetails
import org.citygrid.model.cases.Role
import org.citygrid.model.geo.GeoPoint
import org.citygrid.model.wire.WireCodec
import org.openqa.selenium.By
import org.openqa.selenium.support.ui.Select
import spock.lang.Shared
import spock.lang.Stepwise

import javax.imageio.ImageIO
import java.awt.Color
import java.awt.image.BufferedImage
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import java.time.ZonedDateTime

/**
 * The operators' console in a real headless Chromium (Debian's chromium and chromium-driver, never a
 * downloaded browser), in Chinese, against the real API, broker and PostGIS: the map, the live feed,
 * the case panel's steps (as the case view's allowedActions offer them), filters and indicators, with
 * no base map configured. The case cycle does not run in mobile-api's tests, so where it would act
 * the spec does what it does: writes the read model row and the whole event (grid.case_events), and
 * publishes the event on grid.case-events. Screenshots go to target/screenshots/console-*.png.
 * The features run in order, as one operator's session.
 */
@MicronautTest
@Stepwise
class ConsoleBrowserSpec extends ApiSpec {

    static final String GRID = '110106001001001'
    static final String STREET = '110106001'

    @Inject
    EmbeddedServer server

    @Shared
    Browser browser
    @Shared
    TestUser operator
    @Shared
    String caseId
    @Shared
    String photoRef
    /** Another open case in the same grid, held by another department, reported yesterday (Beijing). */
    @Shared
    String waterCaseId
    /** Who holds the case in the read model, as the case cycle's last Dispatched left it. */
    @Shared
    String heldBy = 'DRAINAGE'
    @Shared
    String assignedTo = 'handler-12'

    @Override
    Map<String, String> getProperties() {
        super.properties + ['citygrid.live.enabled': 'true']
    }

    def setupSpec() {
        // the page and the spec each take "today" in Beijing: a run across midnight would compare two days
        def untilMidnight = Duration.between(ZonedDateTime.now(ZoneId.of('Asia/Shanghai')),
                today().plusDays(1).atStartOfDay(ZoneId.of('Asia/Shanghai')))
        if (untilMidnight < Duration.ofMinutes(5)) {
            Thread.sleep(untilMidnight.toMillis() + 1000)
        }
        browser = new Browser('console')
        ReadModelFixture.insertGrid(GRID, 116.400, 39.910, 116.410, 39.920, '东华门网格', '东华门街道')
        ReadModelFixture.insertGrid('110106001001002', 116.410, 39.910, 116.420, 39.920, '王府井网格', '东华门街道')
        ReadModelFixture.insertIndicators(today(), 'STREET', STREET,
                [REPORTED: 3, FILED: 3, CLOSED: 2, CLOSED_ON_TIME: 1, CHECKED: 2, REWORKED: 1, OVERDUE_HANDLING: 1])
        ReadModelFixture.insertTally(today().toString(), 'department', '', 'DRAINAGE',
                [REPORTED: 2L, FILED: 2L, CLOSED: 1L, CLOSED_ON_TIME: 1L, OVERDUE_HANDLING: 2L])
        ReadModelFixture.insertSensor('mc-console-browser', 116.4080, 39.9170, 'RAISED')
        waterCaseId = ReadModelFixture.insertCase(gridCode: GRID, lon: 116.4065d, lat: 39.9165d, state: 'DISPATCHED',
                department: 'WATER_SUPPLY', assignee: 'handler-7', reportedAt: Instant.now().minusSeconds(86_400),
                deadline: Instant.now().plusSeconds(86_400)).caseId
        ReadModelFixture.insertHistory(history(waterCaseId, 'WATER_SUPPLY'))
    }

    /** A case's first events, reported yesterday and dispatched to {@code department}, as the case cycle writes them. */
    private static List<CaseEvent> history(String id, String department) {
        def at = Instant.now().minusSeconds(86_400)
        def report = new ReportDetails("intake-${id}", Channel.PATROL, 'C0101', GRID, new GeoPoint(116.4065, 39.9165), '井盖破损',
                'worker-9', false, at, [])
        def operator = Actor.of('operator-9', Role.OPERATOR)
        [new CaseEvent(id, 1, at, Actor.system('case-cycle'), "intake:${id}", new CaseChange.Reported(report, at.plusSeconds(3600))),
         new CaseEvent(id, 2, at.plusSeconds(60), operator, "cmd-f-${id}", new CaseChange.Filed(null, false, at.plusSeconds(7200))),
         new CaseEvent(id, 3, at.plusSeconds(120), operator, "cmd-d-${id}",
                 new CaseChange.Dispatched(department, 'handler-7', null, false, at.plusSeconds(86_400 * 2)))]
    }

    def cleanupSpec() {
        browser?.quit()
    }

    def cleanup() {
        // a picture of where each feature ended, passed or failed; a data table's row gets one of its own
        browser.screenshot(specificationContext.currentIteration.displayName)
    }

    def "someone without a desk is told so, in Chinese, and stays on the sign-in page"() {
        given:
        def resident = user(Role.RESIDENT)

        when:
        browser.driver.get("${server.URL}/console/")
        waitFor { js('return document.body.dataset.ready') == 'true' }
        signIn(resident)

        then:
        waitFor { element('signin-message').getAttribute('data-reason') == 'no-desk' }
        element('signin-message').text.endsWith('您的账号角色为：居民')
        bodyView() == 'signin'
    }

    def "an operator signs in and the grid layer renders on the map; without a base map the page says how to add one"() {
        given:
        operator = user(Role.OPERATOR)

        when:
        signIn(operator)

        then:
        waitFor { bodyView() == 'app' }
        waitFor { mapData('map') == 'ready' }
        waitFor { (js("return citygrid.map.querySourceFeatures('grids').map(f => f.properties.code)") as List).contains(GRID) }
        // drawn, not only loaded: the fill layer has features under the viewport
        waitFor { js("return citygrid.map.queryRenderedFeatures({layers: ['grids-fill']}).length") as int > 0 }
        waitFor { element('live').getAttribute('data-state') == 'on' }
        element('basemap-message').displayed
        element('basemap-message').text.contains('CITYGRID_BASEMAP_TILES')
    }

    def "sensors are on the map with their alarm state"() {
        expect:
        waitFor { mapData('sensorFeatures') as int > 0 }
        waitFor {
            (js("return citygrid.map.querySourceFeatures('sensors').map(f => f.properties.deviceId + ':' + f.properties.alarmState)") as List)
                    .contains('mc-console-browser:RAISED')
        }
        waitFor { js("return citygrid.map.queryRenderedFeatures({layers: ['sensor-points']}).length") as int > 0 }
    }

    def "a case reported through the API appears on the map live, without reloading the page"() {
        given:
        js('window.sameDocument = true')
        def position = new GeoPoint(116.4045, 39.9145)

        when: 'an operator takes a hotline call, with a photo the caller sent, and reports it'
        photoRef = http.toBlocking().retrieve(HttpRequest.POST('/api/v1/photos', realPng()).contentType('image/png')
                .bearerAuth(operator.accessToken), Map).ref
        def response = post(operator, '/api/v1/reports', [categoryCode: 'C0101', description: '井盖松动 console test',
                                                          position    : [lon: position.lon(), lat: position.lat()],
                                                          photos      : [photoRef]])
        assert response.status.code == 202: "the report was refused: ${response.body()}"

        and: 'the case cycle places it and says so on grid.case-events'
        caseId = "${GRID}-261123-${Long.toHexString(System.nanoTime() & 0xffffffffL).padLeft(8, '0')}".toString()
        def now = Instant.now()
        ReadModelFixture.insertCase(caseId: caseId, gridCode: GRID, lon: position.lon(), lat: position.lat(),
                channel: 'HOTLINE', reporterId: operator.id, description: '井盖松动 console test', reportedAt: now,
                updatedAt: now, deadline: now.plusSeconds(3600))
        def reported = new CaseEvent(caseId, 1, now, Actor.system('case-cycle'), "intake:${response.body().id}",
                new CaseChange.Reported(new ReportDetails(response.body().id as String, Channel.HOTLINE, 'C0101', GRID,
                        position, '井盖松动 console test', operator.id, false, now, [new Evidence(photoRef, 'image/png')]),
                        now.plusSeconds(3600)))
        ReadModelFixture.insertHistory([reported])
        Topics.publish(reported)

        then:
        response.status.code == 202
        waitFor { js('return citygrid.cases.has(arguments[0])', caseId) }
        waitFor { !browser.driver.findElements(By.cssSelector("#feed li[data-case-id='${caseId}']")).isEmpty() }
        js("return citygrid.map.getSource('cases').serialize().data.features.some(f => f.properties.caseId === arguments[0])", caseId)
        js('return window.sameDocument') == true
    }

    def "clicking the case in the live feed opens its details and its full timeline"() {
        when:
        browser.driver.findElement(By.cssSelector("#feed li[data-case-id='${caseId}']")).click()

        then:
        waitFor { element('case-panel').getAttribute('data-loaded') == caseId }
        element('case-panel').getAttribute('data-state') == 'REPORTED'
        timeline() == ['Reported']
        waitFor { browser.driver.findElement(By.cssSelector('#case-details dd[data-field=description]')).text == '井盖松动 console test' }
    }

    def "the case panel shows the report's photo, fetched with the operator's token"() {
        expect: 'one photo, drawn from a blob: URL because an <img> cannot send the Authorization header'
        waitFor { element('case-photos').getAttribute('data-photos') == '1' }
        waitFor { !browser.driver.findElements(By.cssSelector('#case-photos img')).isEmpty() }
        def img = browser.driver.findElement(By.cssSelector('#case-photos img'))
        img.getAttribute('data-ref') == photoRef
        img.getAttribute('src').startsWith('blob:')
        and: 'the bytes are the picture: the browser decoded it at its real size'
        waitFor { js('return arguments[0].complete && arguments[0].naturalWidth', img) as int == 64 }
        js('return arguments[0].naturalHeight', img) as int == 48
    }

    def "filing the case from the console sends a File command, and the case cycle's answer shows live"() {
        when:
        element('action-text').sendKeys('confirmed by phone')
        action('File').click()
        waitFor { element('action-status').getAttribute('data-status') == 'PENDING' }
        def commandId = element('action-status').getAttribute('data-command')
        def sent = sentCommand(commandId)
        caseCycleApplies(commandId, 2, 'FILED', new CaseChange.Filed('confirmed by phone', false, Instant.now().plusSeconds(3600)))

        then:
        sent.action() == new CaseAction.File('confirmed by phone')
        sent.expectedVersion() == 1L
        waitFor { element('case-panel').getAttribute('data-state') == 'FILED' }
        waitFor { element('action-status').getAttribute('data-status') == 'APPLIED' }
        timeline() == ['Reported', 'Filed']
    }

    def "dispatching the case from the console sends a Dispatch command, and the marker follows the new state"() {
        when:
        element('action-text').clear()
        element('action-text').sendKeys('rain-water cover')
        new Select(element('action-department')).selectByValue('DRAINAGE')
        element('action-assignee').sendKeys('handler-12')
        action('Dispatch').click()
        waitFor { element('action-status').getAttribute('data-status') == 'PENDING' }
        def commandId = element('action-status').getAttribute('data-command')
        def sent = sentCommand(commandId)
        caseCycleApplies(commandId, 3, 'DISPATCHED', new CaseChange.Dispatched('DRAINAGE', 'handler-12',
                'rain-water cover', false, Instant.now().plusSeconds(86_400)))

        then:
        sent.action() == new CaseAction.Dispatch('DRAINAGE', 'handler-12', 'rain-water cover')
        sent.expectedVersion() == 2L
        waitFor { element('case-panel').getAttribute('data-state') == 'DISPATCHED' }
        waitFor { element('action-status').getAttribute('data-status') == 'APPLIED' }
        timeline() == ['Reported', 'Filed', 'Dispatched']
        js('return citygrid.cases.get(arguments[0]).properties.state', caseId) == 'DISPATCHED'
        js('return window.sameDocument') == true
    }

    def "case markers filtered by #what"() {
        when:
        setFilter('filter-department', department)
        setFilter('filter-from', from)
        setFilter('filter-to', to)

        then: 'the server answered for these filters, and the map holds its answer'
        waitFor { js('return citygrid.casesQuery') == expectedQuery(department, from, to) }
        waitFor { onMap(caseId) == showsDispatched && onMap(waterCaseId) == showsWater }
        js('return citygrid.cases.has(arguments[0])', caseId) == showsDispatched
        js('return citygrid.cases.has(arguments[0])', waterCaseId) == showsWater

        where:
        what                                  | department     | from              | to                 || showsDispatched | showsWater
        'department DRAINAGE'                 | 'DRAINAGE'     | ''                | ''                 || true            | false
        'department WATER_SUPPLY'             | 'WATER_SUPPLY' | ''                | ''                 || false           | true
        'reported from today'                 | ''             | day(0)            | ''                 || true            | false
        'reported up to yesterday'            | ''             | ''                | day(-1)            || false           | true
        'reported yesterday or today'         | ''             | day(-1)           | day(0)             || true            | true
        'reported from tomorrow'              | ''             | day(1)            | ''                 || false           | false
        'nothing, every open case again'      | ''             | ''                | ''                 || true            | true
    }

    def "re-dispatching the case sends a Dispatch to the other department, and the panel follows"() {
        given: 'a dispatched case offers re-dispatch, not a first dispatch'
        def offered = offeredSteps().contains('Redispatch')
        def firstDispatch = offeredSteps().contains('Dispatch')

        when:
        element('action-text').clear()
        element('action-text').sendKeys('the main belongs to the water company')
        new Select(element('action-department')).selectByValue('WATER_SUPPLY')
        element('action-assignee').clear()
        action('Redispatch').click()
        waitFor { element('action-status').getAttribute('data-status') == 'PENDING' }
        def commandId = element('action-status').getAttribute('data-command')
        def sent = sentCommand(commandId)
        heldBy = 'WATER_SUPPLY'
        assignedTo = null
        caseCycleApplies(commandId, 4, 'DISPATCHED', new CaseChange.Dispatched('WATER_SUPPLY', null,
                'the main belongs to the water company', true, Instant.now().plusSeconds(86_400)))

        then:
        offered
        !firstDispatch
        sent.action() == new CaseAction.Dispatch('WATER_SUPPLY', null, 'the main belongs to the water company')
        sent.expectedVersion() == 3L
        waitFor { element('action-status').getAttribute('data-status') == 'APPLIED' }
        waitFor { timeline() == ['Reported', 'Filed', 'Dispatched', 'Dispatched'] }
        waitFor { browser.driver.findElement(By.cssSelector('#case-details dd[data-field=department]')).text == '自来水' }
        js('return citygrid.cases.get(arguments[0]).properties.department', caseId) == 'WATER_SUPPLY'
    }

    def "suspending the dispatched case sends Suspend with the reason, and the panel then offers resuming"() {
        given: 'a dispatched case may be suspended (or pressed, urged: the operator holds every centre post), not resumed or closed'
        def offered = offeredSteps()

        when:
        def (commandId, sent) = operatorTakes('Suspend', 'waiting for the road permit')
        caseCycleApplies(commandId, 5, 'SUSPENDED', new CaseChange.Suspended('waiting for the road permit',
                CaseState.DISPATCHED, Duration.ofHours(20)))

        then:
        offered == ['Redispatch', 'Suspend', 'Void', 'Press', 'Urge'] as Set
        sent.action() == new CaseAction.Suspend('waiting for the road permit')
        sent.expectedVersion() == 4L
        waitFor { element('case-panel').getAttribute('data-state') == 'SUSPENDED' }
        waitFor { element('action-status').getAttribute('data-status') == 'APPLIED' }
        offeredSteps() == ['Resume', 'Void', 'Press', 'Urge'] as Set
    }

    def "resuming the suspended case sends Resume with the note, and the case is dispatched again"() {
        when:
        def (commandId, sent) = operatorTakes('Resume', 'permit granted')
        caseCycleApplies(commandId, 6, 'DISPATCHED', new CaseChange.Resumed('permit granted', CaseState.DISPATCHED,
                Instant.now().plusSeconds(72_000)))

        then:
        sent.action() == new CaseAction.Resume('permit granted')
        sent.expectedVersion() == 5L
        waitFor { element('case-panel').getAttribute('data-state') == 'DISPATCHED' }
        waitFor { element('action-status').getAttribute('data-status') == 'APPLIED' }
        timeline().takeRight(2) == ['Suspended', 'Resumed']
    }

    def "an extension request waiting is shown, and approving it sends ApproveExtension"() {
        given: 'the department accepts the case and asks for eight more hours'
        def handler = Actor.handler('handler-7', 'WATER_SUPPLY')
        caseCycleActs(7, 'IN_PROGRESS', new CaseChange.Accepted('handler-7'), handler)
        // the page applies events in version order: the next one must not overtake this one on its way
        waitFor { element('case-panel').getAttribute('data-version') == '7' }
        caseCycleActs(8, 'IN_PROGRESS', new CaseChange.ExtensionRequested(Duration.ofHours(8), 'pipe on order'), handler,
                [extra: 'PT8H', reason: 'pipe on order', requestedBy: 'handler-7'])
        waitFor { element('case-panel').getAttribute('data-version') == '8' }

        when:
        def offered = offeredSteps()
        def shown = element('pending-extension').text
        def (commandId, sent) = operatorTakes('ApproveExtension', 'agreed with the water company')
        caseCycleApplies(commandId, 9, 'IN_PROGRESS', new CaseChange.ExtensionApproved(Duration.ofHours(8),
                'agreed with the water company', Instant.now().plusSeconds(100_000)))

        then:
        offered == ['Redispatch', 'Suspend', 'ApproveExtension', 'RejectExtension', 'Void', 'Press', 'Urge'] as Set
        shown == '延期申请待审批：延长8 小时 · pipe on order · 处置人员'
        sent.action() == new CaseAction.ApproveExtension('agreed with the water company')
        sent.expectedVersion() == 8L
        waitFor { element('action-status').getAttribute('data-status') == 'APPLIED' }
        waitFor { element('case-panel').getAttribute('data-version') == '9' }
        !element('pending-extension').displayed
        offeredSteps() == ['Redispatch', 'Suspend', 'Void', 'Press', 'Urge'] as Set
    }

    def "rejecting the next extension request sends RejectExtension with the reason"() {
        given:
        caseCycleActs(10, 'IN_PROGRESS', new CaseChange.ExtensionRequested(Duration.ofHours(16), 'still no pipe'),
                Actor.handler('handler-7', 'WATER_SUPPLY'), [extra: 'PT16H', reason: 'still no pipe', requestedBy: 'handler-7'])
        waitFor { element('case-panel').getAttribute('data-version') == '10' }

        when: 'without a reason the page asks for one and sends nothing'
        element('action-text').clear()
        action('RejectExtension').click()
        def refusedLocally = element('action-status').text

        and:
        def (commandId, sent) = operatorTakes('RejectExtension', 'borrow one from the depot')
        caseCycleApplies(commandId, 11, 'IN_PROGRESS', new CaseChange.ExtensionRejected('borrow one from the depot'))

        then:
        refusedLocally == '请填写理由'
        sent.action() == new CaseAction.RejectExtension('borrow one from the depot')
        sent.expectedVersion() == 10L
        waitFor { element('action-status').getAttribute('data-status') == 'APPLIED' }
        waitFor { timeline().takeRight(2) == ['ExtensionRequested', 'ExtensionRejected'] }
    }

    def "once the check has passed, closing the case sends Close, and no step is offered any more"() {
        given: 'the handler reports it fixed and a grid worker checks it on site'
        def photo = [new Evidence(photoRef, 'image/png')]
        caseCycleActs(12, 'HANDLED', new CaseChange.Handled('handler-7', 'new pipe', photo, false,
                Instant.now().plusSeconds(7200)), Actor.handler('handler-7', 'WATER_SUPPLY'))
        waitFor { element('case-panel').getAttribute('data-version') == '12' }
        caseCycleActs(13, 'CHECK_PASSED', new CaseChange.CheckPassed('worker-2', 'holds', photo),
                Actor.of('worker-2', Role.GRID_WORKER))
        waitFor { element('case-panel').getAttribute('data-state') == 'CHECK_PASSED' }

        when:
        def offered = offeredSteps()
        def (commandId, sent) = operatorTakes('Close', 'fixed and checked')
        caseCycleApplies(commandId, 14, 'CLOSED', new CaseChange.Closed('fixed and checked'))

        then:
        offered == ['Close', 'Void'] as Set
        sent.action() == new CaseAction.Close('fixed and checked')
        sent.expectedVersion() == 13L
        waitFor { element('case-panel').getAttribute('data-state') == 'CLOSED' }
        waitFor { element('action-status').getAttribute('data-status') == 'APPLIED' }
        offeredSteps().isEmpty()
    }

    def "voiding another open case, opened from the live feed, sends Void with the reason"() {
        given: 'the other department\'s case moves, so it shows in the live feed'
        heldBy = 'WATER_SUPPLY'
        caseCycleApplies("cmd-${UUID.randomUUID()}".toString(), 4, 'IN_PROGRESS', new CaseChange.Accepted('handler-7'),
                Actor.handler('handler-7', 'WATER_SUPPLY'), waterCaseId)
        waitFor { !browser.driver.findElements(By.cssSelector("#feed li[data-case-id='${waterCaseId}']")).isEmpty() }
        browser.driver.findElements(By.cssSelector("#feed li[data-case-id='${waterCaseId}']"))[0].click()
        waitFor { element('case-panel').getAttribute('data-loaded') == waterCaseId }

        when:
        def (commandId, sent) = operatorTakes('Void', 'reported twice by mistake')
        caseCycleApplies(commandId, 5, 'VOIDED', new CaseChange.Voided('reported twice by mistake', CaseState.IN_PROGRESS),
                Actor.of(operator.id, Role.OPERATOR), waterCaseId)

        then:
        sent.action() == new CaseAction.Void('reported twice by mistake')
        sent.expectedVersion() == 4L
        waitFor { element('case-panel').getAttribute('data-state') == 'VOIDED' }
        waitFor { element('action-status').getAttribute('data-status') == 'APPLIED' }
        offeredSteps().isEmpty()
    }

    def "the indicator panel shows the street's rates and follows new tallies"() {
        when:
        browser.click("#tabs button[data-tab='indicators']")

        then: 'the tallies there were at sign-in'
        waitFor { indicator('closureRate') == '66.7%' }
        indicator('onTimeClosureRate') == '50%'
        indicator('reworkRate') == '50%'
        indicator('overdueCount') == '1'
        and: 'the chart has every day of the default 30-day range, and the reports of the street today'
        waitFor { element('ind-chart').getAttribute('data-days') == '30' }
        element('ind-chart').getAttribute('data-reported') == '3'

        when: 'the day closes one more case, on time, and events keep coming'
        ReadModelFixture.insertIndicators(today(), 'STREET', STREET,
                [REPORTED: 3, FILED: 3, CLOSED: 3, CLOSED_ON_TIME: 2, CHECKED: 2, REWORKED: 1, OVERDUE_HANDLING: 1])
        // the case was closed above (version 14): its reporter rates it
        caseCycleApplies('cmd-rate-console', 15, 'CLOSED', new CaseChange.Rated(5, 'quick work'),
                Actor.of('resident-console', Role.RESIDENT))

        then:
        waitFor { indicator('closureRate') == '100%' }
        indicator('onTimeClosureRate') == '66.7%'
    }

    def "the indicator panel also shows departments, with their own chart"() {
        when:
        new Select(element('ind-dimension')).selectByValue('department')

        then: 'the department tallies, and no area rows'
        waitFor { indicator('closureRate', 'DRAINAGE') == '50%' }
        indicator('onTimeClosureRate', 'DRAINAGE') == '100%'
        indicator('overdueCount', 'DRAINAGE') == '2'
        indicator('closureRate', STREET) == null
        element('ind-code-head').text == '部门'
        !element('ind-level').enabled

        when: 'the department is chosen for the chart'
        browser.driver.findElement(By.cssSelector("#ind-table tr[data-code='DRAINAGE']")).click()

        then:
        waitFor { element('chart-code').getAttribute('data-code') == 'DRAINAGE' && element('ind-chart').getAttribute('data-reported') == '2' }
        element('chart-code').text == '排水'
        element('ind-chart').getAttribute('data-days') == '30'
    }

    def "the labels switch to English and back to Chinese, names and dates included"() {
        given:
        browser.click("#tabs button[data-tab='map']")
        def chinese = element('case-panel').findElement(By.tagName('h2')).text

        when:
        element('lang').click()

        then: 'the case open last is the one voided above'
        chinese == '案件'
        waitFor { element('case-panel').findElement(By.tagName('h2')).text == 'Case' }
        waitFor { browser.driver.findElement(By.cssSelector('#case-details dd[data-field=state]')).text == 'Voided' }
        waitFor { browser.driver.findElement(By.cssSelector('#case-details dd[data-field=category]')).text == 'Water-supply manhole cover (C0101)' }
        waitFor { browser.driver.findElement(By.cssSelector('#case-details dd[data-field=reportedAt]')).text ==~ /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/ }

        when:
        element('lang').click()

        then:
        waitFor { browser.driver.findElement(By.cssSelector('#case-details dd[data-field=category]')).text == '上水井盖（C0101）' }
        browser.driver.findElement(By.cssSelector('header h1')).text == '城市网格化管理工作台'
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void signIn(TestUser who) {
        browser.signIn(who.username, who.password)
    }

    /**
     * What the case cycle does when it applies a command (or acts itself): the read model rows, then the
     * event on the topic. {@code pendingExtension}: the request the row shows as waiting afterwards.
     */
    private void caseCycleApplies(String commandId, long version, String state, CaseChange change,
                                  Actor actor = Actor.of(operator.id, Role.OPERATOR), String onCase = caseId,
                                  Map pendingExtension = null) {
        def now = Instant.now()
        def event = new CaseEvent(onCase, version, now, actor, commandId, change)
        def held = state in ['DISPATCHED', 'IN_PROGRESS', 'SUSPENDED', 'HANDLED', 'CHECK_PASSED']
        ReadModelFixture.insertCase(caseId: onCase, gridCode: GRID, version: version, state: state,
                department: held ? heldBy : null, assignee: held ? assignedTo : null,
                deadline: now.plusSeconds(3600), pendingExtension: pendingExtension)
        ReadModelFixture.insertHistory([event])
        Topics.publish(event)
    }

    /** The case cycle acting on its own or for someone other than the operator (a handler, a checker). */
    private void caseCycleActs(long version, String state, CaseChange change, Actor actor, Map pendingExtension = null) {
        caseCycleApplies("cmd-${UUID.randomUUID()}".toString(), version, state, change, actor, caseId, pendingExtension)
    }

    /** Types {@code text} into the note / reason field, clicks the step's button, and returns the command it sent. */
    private def operatorTakes(String step, String text) {
        element('action-text').clear()
        element('action-text').sendKeys(text)
        action(step).click()
        waitFor { element('action-status').getAttribute('data-status') == 'PENDING' }
        def commandId = element('action-status').getAttribute('data-command')
        [commandId, sentCommand(commandId, element('case-panel').getAttribute('data-loaded'))]
    }

    /** The step buttons the panel offers for the open case (the case view's allowedActions). */
    private Set<String> offeredSteps() {
        browser.all('#action-buttons button[data-action]')*.getAttribute('data-action') as Set
    }

    private def action(String step) {
        browser.all("#action-buttons button[data-action='${step}']").find() ?: { throw new AssertionError("${step} is not offered") }()
    }

    /** A real picture (64 x 48 PNG) the browser can decode, unlike the magic-number stubs of Images. */
    static byte[] realPng() {
        def image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB)
        def g = image.createGraphics()
        g.color = new Color(0x3d, 0xdc, 0x97)
        g.fillRect(0, 0, 64, 48)
        g.color = Color.DARK_GRAY
        g.fillOval(16, 8, 32, 32)
        g.dispose()
        def out = new ByteArrayOutputStream()
        ImageIO.write(image, 'png', out)
        out.toByteArray()
    }

    /** Sets a filter as a person would, and tells the page it changed. */
    private void setFilter(String id, String value) {
        if (id == 'filter-department' && value) {
            waitFor { !browser.driver.findElements(By.cssSelector("#filter-department option[value='${value}']")).isEmpty() }
        }
        // scrolled into view so that the step's screenshot shows the filters it set
        js("const e = document.getElementById(arguments[0]); e.scrollIntoView({block: 'nearest'}); " +
                "if (e.value !== arguments[1]) { e.value = arguments[1]; e.dispatchEvent(new Event('change')); }", id, value)
    }

    private static String expectedQuery(String department, String from, String to) {
        [department: department, from: from, to: to].findAll { it.value }.collect { k, v -> "${k}=${v}" }.join('&')
    }

    /** Whether the map's case source holds the case (drawn or clustered). */
    private boolean onMap(String id) {
        js("return citygrid.map.getSource('cases').serialize().data.features.some(f => f.properties.caseId === arguments[0])", id)
    }

    /** A Beijing day relative to today, as the date inputs take it. */
    private static String day(int offset) {
        today().plusDays(offset).toString()
    }

    private def sentCommand(String commandId, String onCase = caseId) {
        Topics.withKey(TestStack.COMMANDS, onCase).collect { WireCodec.commands().read(it.value()) }
                .find { it.commandId() == commandId }
    }

    private List<String> timeline() {
        // in one script: the panel redraws its timeline as events arrive
        browser.js("return [...document.querySelectorAll('#case-timeline li')].map(li => li.getAttribute('data-type'))") as List<String>
    }

    private String indicator(String name, String code = STREET) {
        def cells = browser.driver.findElements(By.cssSelector("#ind-table tr[data-code='${code}'] td[data-indicator=${name}]"))
        cells ? cells[0].text : null
    }

    private def element(String id) {
        browser.element(id)
    }

    private String bodyView() {
        browser.driver.findElement(By.tagName('body')).getAttribute('data-view')
    }

    private String mapData(String name) {
        js("return document.getElementById('map').dataset[arguments[0]]", name)
    }

    private def js(String script, Object... args) {
        browser.js(script, args)
    }

    private void waitFor(Closure<?> condition) {
        browser.waitFor(condition)
    }

    private static LocalDate today() {
        LocalDate.now(ZoneId.of('Asia/Shanghai'))
    }
}
