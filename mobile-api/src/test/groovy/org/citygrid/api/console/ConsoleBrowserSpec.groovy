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
import org.openqa.selenium.OutputType
import org.openqa.selenium.StaleElementReferenceException
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions
import org.openqa.selenium.support.ui.Select
import org.openqa.selenium.support.ui.WebDriverWait
import spock.lang.Shared
import spock.lang.Stepwise

import groovy.json.JsonSlurper

import javax.imageio.ImageIO
import java.awt.Color
import java.awt.image.BufferedImage
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import java.time.ZonedDateTime
import java.util.function.Function

/**
 * The operators' console in a real headless Chromium (Debian's chromium and chromium-driver, never a
 * downloaded browser), against the real API, broker and PostGIS. The case cycle does not run in
 * mobile-api's tests, so where it would act the spec does what it does: writes the read model rows
 * and publishes the case events on grid.case-events. Screenshots go to target/screenshots/.
 * The features run in order, as one operator's session.
 */
@MicronautTest
@Stepwise
class ConsoleBrowserSpec extends ApiSpec {

    static final String GRID = '110106001001001'
    static final String STREET = '110106001'
    static final File CHROMEDRIVER = new File('/usr/bin/chromedriver')
    static final File CHROMIUM = new File('/usr/bin/chromium')
    static final File SHOTS = new File('target/screenshots')

    @Inject
    EmbeddedServer server

    @Shared
    ChromeDriver driver
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
    @Shared
    int shot = 0

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
        assert CHROMEDRIVER.canExecute() && CHROMIUM.exists():
                'the browser test needs Debian\'s chromium and chromium-driver (./gridcity installs them)'
        // the driver named explicitly: Selenium Manager is never asked to find or download one
        def service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build()
        def options = new ChromeOptions()
        options.setBinary(CHROMIUM)
        // WebGL without a GPU: ANGLE on SwiftShader, the software renderer chromium ships
        options.addArguments('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--window-size=1600,1000',
                '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--lang=en-US')
        // the page's console messages go next to the screenshots
        options.setCapability('goog:loggingPrefs', ['browser': 'ALL'])
        driver = new ChromeDriver(service, options)
        SHOTS.mkdirs()
        // only this run's pictures and log: names change when features do
        SHOTS.listFiles().findAll { it.name.startsWith('console-') }*.delete()

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
    }

    def cleanupSpec() {
        driver?.quit()
    }

    def cleanup() {
        // a picture of where each feature ended, passed or failed
        // the display name has a data table's values in it (#what), so each row gets a picture of its own
        def name = specificationContext.currentIteration.displayName.replaceAll(/[^A-Za-z0-9]+/, '-').take(70)
        new File(SHOTS, String.format('console-%02d-%s.png', ++shot, name)).bytes = driver.getScreenshotAs(OutputType.BYTES)
        new File(SHOTS, 'console-browser.log') << driver.manage().logs().get('browser').all.collect { it.toString() }.join('\n') + '\n'
    }

    def "someone who is not an operator is told so and stays on the sign-in page"() {
        given:
        def resident = user(Role.RESIDENT)

        when:
        driver.get("${server.URL}/console/")
        signIn(resident)

        then:
        waitFor { element('signin-message').getAttribute('data-reason') == 'not-operator' }
        element('signin-message').text.contains('RESIDENT')
        bodyView() == 'signin'
    }

    def "an operator signs in and the grid layer renders on the map"() {
        given:
        operator = user(Role.OPERATOR)

        when:
        signIn(operator)

        then:
        waitFor { bodyView() == 'map' }
        waitFor { mapData('map') == 'ready' }
        waitFor { (js("return citygrid.map.querySourceFeatures('grids').map(f => f.properties.code)") as List).contains(GRID) }
        // drawn, not only loaded: the fill layer has features under the viewport
        waitFor { js("return citygrid.map.queryRenderedFeatures({layers: ['grids-fill']}).length") as int > 0 }
        waitFor { element('live').getAttribute('data-state') == 'on' }
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
        ReadModelFixture.insertEvent(caseId, 1, 'Reported', "intake:${response.body().id}", changeFields(reported),
                'system:case-cycle', 'SYSTEM')
        Topics.publish(reported)

        then:
        response.status.code == 202
        waitFor { js('return citygrid.cases.has(arguments[0])', caseId) }
        waitFor { !driver.findElements(By.cssSelector("#feed li[data-case-id='${caseId}']")).isEmpty() }
        js("return citygrid.map.getSource('cases').serialize().data.features.some(f => f.properties.caseId === arguments[0])", caseId)
        js('return window.sameDocument') == true
    }

    def "clicking the case in the live feed opens its details and its full timeline"() {
        when:
        driver.findElement(By.cssSelector("#feed li[data-case-id='${caseId}']")).click()

        then:
        waitFor { element('case-panel').getAttribute('data-loaded') == caseId }
        element('case-panel').getAttribute('data-state') == 'REPORTED'
        timeline() == ['Reported']
        driver.findElement(By.cssSelector('#case-details dd[data-field=description]')).text == '井盖松动 console test'
    }

    def "the case panel shows the report's photo, fetched with the operator's token"() {
        expect: 'one photo, drawn from a blob: URL because an <img> cannot send the Authorization header'
        waitFor { element('case-photos').getAttribute('data-photos') == '1' }
        waitFor { !driver.findElements(By.cssSelector('#case-photos img')).isEmpty() }
        def img = driver.findElement(By.cssSelector('#case-photos img'))
        img.getAttribute('data-ref') == photoRef
        img.getAttribute('src').startsWith('blob:')
        and: 'the bytes are the picture: the browser decoded it at its real size'
        waitFor { js('return arguments[0].complete && arguments[0].naturalWidth', img) as int == 64 }
        js('return arguments[0].naturalHeight', img) as int == 48
    }

    def "filing the case from the console sends a File command, and the case cycle's answer shows live"() {
        when:
        element('action-text').sendKeys('confirmed by phone')
        element('act-file').click()
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
        element('action-department').sendKeys('DRAINAGE')
        element('action-assignee').sendKeys('handler-12')
        element('act-dispatch').click()
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
        def offered = element('act-redispatch').enabled
        def firstDispatch = element('act-dispatch').enabled

        when:
        element('action-text').clear()
        element('action-text').sendKeys('the main belongs to the water company')
        element('action-department').clear()
        element('action-department').sendKeys('WATER_SUPPLY')
        element('action-assignee').clear()
        element('act-redispatch').click()
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
        driver.findElement(By.cssSelector('#case-details dd[data-field=department]')).text == 'WATER_SUPPLY'
        js('return citygrid.cases.get(arguments[0]).properties.department', caseId) == 'WATER_SUPPLY'
    }

    def "suspending the dispatched case sends Suspend with the reason, and the panel then offers resuming"() {
        given: 'a dispatched case may be suspended, not resumed or closed'
        def offered = offeredSteps()

        when:
        def (commandId, sent) = operatorTakes('act-suspend', 'waiting for the road permit')
        caseCycleApplies(commandId, 5, 'SUSPENDED', new CaseChange.Suspended('waiting for the road permit',
                CaseState.DISPATCHED, Duration.ofHours(20)))

        then:
        offered == ['Redispatch', 'Suspend', 'Void'] as Set
        sent.action() == new CaseAction.Suspend('waiting for the road permit')
        sent.expectedVersion() == 4L
        waitFor { element('case-panel').getAttribute('data-state') == 'SUSPENDED' }
        waitFor { element('action-status').getAttribute('data-status') == 'APPLIED' }
        offeredSteps() == ['Resume', 'Void'] as Set
    }

    def "resuming the suspended case sends Resume with the note, and the case is dispatched again"() {
        when:
        def (commandId, sent) = operatorTakes('act-resume', 'permit granted')
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
        def (commandId, sent) = operatorTakes('act-approve-extension', 'agreed with the water company')
        caseCycleApplies(commandId, 9, 'IN_PROGRESS', new CaseChange.ExtensionApproved(Duration.ofHours(8),
                'agreed with the water company', Instant.now().plusSeconds(100_000)))

        then:
        offered == ['Redispatch', 'Suspend', 'ApproveExtension', 'RejectExtension', 'Void'] as Set
        shown.contains('PT8H') && shown.contains('pipe on order')
        sent.action() == new CaseAction.ApproveExtension('agreed with the water company')
        sent.expectedVersion() == 8L
        waitFor { element('action-status').getAttribute('data-status') == 'APPLIED' }
        waitFor { element('case-panel').getAttribute('data-version') == '9' }
        !element('pending-extension').displayed
        offeredSteps() == ['Redispatch', 'Suspend', 'Void'] as Set
    }

    def "rejecting the next extension request sends RejectExtension with the reason"() {
        given:
        caseCycleActs(10, 'IN_PROGRESS', new CaseChange.ExtensionRequested(Duration.ofHours(16), 'still no pipe'),
                Actor.handler('handler-7', 'WATER_SUPPLY'), [extra: 'PT16H', reason: 'still no pipe', requestedBy: 'handler-7'])
        waitFor { element('case-panel').getAttribute('data-version') == '10' }

        when: 'without a reason the page asks for one and sends nothing'
        element('action-text').clear()
        element('act-reject-extension').click()
        def refusedLocally = element('action-status').text

        and:
        def (commandId, sent) = operatorTakes('act-reject-extension', 'borrow one from the depot')
        caseCycleApplies(commandId, 11, 'IN_PROGRESS', new CaseChange.ExtensionRejected('borrow one from the depot'))

        then:
        refusedLocally == js("return CONSOLE_LABELS[document.documentElement.lang === 'zh-CN' ? 'zh' : 'en']['action.needReason']")
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
        def (commandId, sent) = operatorTakes('act-close', 'fixed and checked')
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
        caseCycleApplies("cmd-${UUID.randomUUID()}".toString(), 2, 'IN_PROGRESS', new CaseChange.Accepted('handler-7'),
                Actor.handler('handler-7', 'WATER_SUPPLY'), waterCaseId)
        waitFor { !driver.findElements(By.cssSelector("#feed li[data-case-id='${waterCaseId}']")).isEmpty() }
        driver.findElements(By.cssSelector("#feed li[data-case-id='${waterCaseId}']"))[0].click()
        waitFor { element('case-panel').getAttribute('data-loaded') == waterCaseId }

        when:
        def (commandId, sent) = operatorTakes('act-void', 'reported twice by mistake')
        caseCycleApplies(commandId, 3, 'VOIDED', new CaseChange.Voided('reported twice by mistake', CaseState.IN_PROGRESS),
                Actor.of(operator.id, Role.OPERATOR), waterCaseId)

        then:
        sent.action() == new CaseAction.Void('reported twice by mistake')
        sent.expectedVersion() == 2L
        waitFor { element('case-panel').getAttribute('data-state') == 'VOIDED' }
        waitFor { element('action-status').getAttribute('data-status') == 'APPLIED' }
        offeredSteps().isEmpty()
    }

    def "the indicator panel shows the street's rates and follows new tallies"() {
        expect: 'the tallies there were at sign-in'
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
        element('ind-code-head').text == 'Department'
        !element('ind-level').enabled

        when: 'the department is chosen for the chart'
        driver.findElement(By.cssSelector("#ind-table tr[data-code='DRAINAGE']")).click()

        then:
        waitFor { element('chart-code').text == 'DRAINAGE' && element('ind-chart').getAttribute('data-reported') == '2' }
        element('ind-chart').getAttribute('data-days') == '30'
    }

    def "the labels switch between English and Chinese"() {
        given:
        def english = element('case-panel').findElement(By.tagName('h2')).text

        when:
        element('lang').click()

        then:
        english == 'Case'
        element('case-panel').findElement(By.tagName('h2')).text == '案件'
        // the case open last is the one voided above
        driver.findElement(By.cssSelector('#case-details dd[data-field=state]')).text == '已作废'
        driver.findElement(By.cssSelector('header h1')).text == '城市网格管理'
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void signIn(TestUser who) {
        element('username').clear()
        element('username').sendKeys(who.username)
        element('password').clear()
        element('password').sendKeys(who.password)
        element('signin-submit').click()
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
        ReadModelFixture.insertEvent(onCase, version, change.class.simpleName, commandId, changeFields(event),
                actor.id(), actor.role().name())
        Topics.publish(event)
    }

    /** The case cycle acting on its own or for someone other than the operator (a handler, a checker). */
    private void caseCycleActs(long version, String state, CaseChange change, Actor actor, Map pendingExtension = null) {
        caseCycleApplies("cmd-${UUID.randomUUID()}".toString(), version, state, change, actor, caseId, pendingExtension)
    }

    /** Types {@code text} into the note / reason field, clicks the step's button, and returns the command it sent. */
    private def operatorTakes(String button, String text) {
        element('action-text').clear()
        element('action-text').sendKeys(text)
        element(button).click()
        waitFor { element('action-status').getAttribute('data-status') == 'PENDING' }
        def commandId = element('action-status').getAttribute('data-command')
        [commandId, sentCommand(commandId, element('case-panel').getAttribute('data-loaded'))]
    }

    /** The operator's step buttons the panel offers (enabled) for the open case. */
    private Set<String> offeredSteps() {
        driver.findElements(By.cssSelector('#case-actions button[data-action]')).findAll { it.enabled }*.getAttribute('data-action') as Set
    }

    /** The event's change as the read model's timeline keeps it: the v1 wire format. */
    private static Map changeFields(CaseEvent event) {
        new JsonSlurper().parseText(WireCodec.events().toTree(event).get('change').toString()) as Map
    }

    /** A real picture (64 x 48 PNG) the browser can decode, unlike the magic-number stubs of Images. */
    private static byte[] realPng() {
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
            waitFor { !driver.findElements(By.cssSelector("#filter-department option[value='${value}']")).isEmpty() }
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
        driver.findElements(By.cssSelector('#case-timeline li'))*.getAttribute('data-type')
    }

    private String indicator(String name, String code = STREET) {
        def cells = driver.findElements(By.cssSelector("#ind-table tr[data-code='${code}'] td[data-indicator=${name}]"))
        cells ? cells[0].text : null
    }

    private def element(String id) {
        driver.findElement(By.id(id))
    }

    private String bodyView() {
        driver.findElement(By.tagName('body')).getAttribute('data-view')
    }

    private String mapData(String name) {
        js("return document.getElementById('map').dataset[arguments[0]]", name)
    }

    private def js(String script, Object... args) {
        driver.executeScript(script, args)
    }

    /** Waits for the page to catch up (events, the read model, polling); a timeout fails the feature. */
    private void waitFor(Closure<?> condition) {
        // the page redraws its lists and tables as events arrive: an element found a moment ago may be gone
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException)
                .until({ d -> condition() ? true : null } as Function)
    }

    private static LocalDate today() {
        LocalDate.now(ZoneId.of('Asia/Shanghai'))
    }
}
