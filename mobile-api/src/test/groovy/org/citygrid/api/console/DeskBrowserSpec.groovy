package org.citygrid.api.console

import io.micronaut.http.HttpRequest
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.citygrid.api.accounts.AccountService
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.api.testkit.TestStack
import org.citygrid.api.testkit.Topics
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.Evidence
import org.citygrid.model.cases.ReportDetails
import org.citygrid.model.cases.Role
import org.citygrid.model.category.CategoryCatalogue
import org.citygrid.model.geo.ChinaCrsTransforms
import org.citygrid.model.geo.Crs
import org.citygrid.model.geo.GeoPoint
import org.citygrid.model.geo.Position
import org.citygrid.model.wire.WireCodec
import org.openqa.selenium.By
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Duration
import java.time.Instant

/**
 * Each post's desk in a real Chromium, in Chinese, against the real API, broker and PostGIS: the
 * operator's queues and the department's tasks at desktop, tablet and phone sizes, on a GCJ-02 base
 * map served locally. Where the case cycle would act, the spec does what it does (read model rows,
 * the whole event in grid.case_events, the event on grid.case-events). Screenshots go to
 * target/screenshots/desk-*.png.
 */
@MicronautTest
@Stepwise
class DeskBrowserSpec extends ApiSpec {

    static final String GRID = '110106002001001'
    static final String OFFICE = 'STREET_OFFICE:110106002'
    static final Map<String, String> CATEGORY_NAMES = CategoryCatalogue.loadDefault().categories()
            .collectEntries { [(it.code().toString()): it.name().zh()] }

    @Inject
    EmbeddedServer server

    @Shared
    Browser browser
    @Shared
    Map<String, Map> people = [:]
    @Shared
    String caseId
    @Shared
    String photoRef

    @Override
    Map<String, String> getProperties() {
        super.properties + ['citygrid.live.enabled'               : 'true',
                            'citygrid.test.tiles'                 : 'true',
                            'citygrid.console.base-map.tiles'     : '/test-tiles/{z}/{x}/{y}.png',
                            'citygrid.console.base-map.crs'       : 'GCJ02',
                            'citygrid.console.base-map.max-zoom'  : '16']
    }

    def setupSpec() {
        browser = new Browser('desk')
        ReadModelFixture.insertGrid(GRID, 116.390, 39.920, 116.400, 39.930, '景山一号网格', '景山街道')
        ReadModelFixture.insertGrid('110106002001002', 116.400, 39.920, 116.410, 39.930, '景山二号网格', '景山街道')
    }

    def cleanupSpec() {
        browser?.quit()
    }

    def cleanup() {
        browser.screenshot(specificationContext.currentIteration.displayName.replaceAll(/[^\x00-\x7F]/, ''))
    }

    /** An account with a Chinese display name, as the centres' accounts are. */
    Map person(String key, Role role, String displayName, String department = null) {
        String username = "${key}-${System.nanoTime()}"
        def account = context.getBean(AccountService).create(username, 'correct horse battery', displayName, role, department, null, [])
        people[key] = [id: account.id(), username: username, password: 'correct horse battery']
    }

    private String count(String queue) {
        browser.all("#queues button[data-queue='${queue}']").collect { it.getAttribute('data-count') }.find()
    }

    private void step(String action, String onCase = caseId) {
        def buttons = browser.all("#desk-list li[data-case-id='${onCase}'] button[data-action='${action}']")
        assert buttons: "no ${action} on ${onCase} in the list"
        buttons[0].click()
    }

    def "the operator's desk counts every queue, over a base map drawn from the configured GCJ-02 tiles"() {
        given:
        person('operator', Role.OPERATOR, '王值班')
        TestTiles.REQUESTS.set(0)

        when:
        browser.driver.get("${server.URL}/console/")
        browser.waitFor { browser.js('return document.body.dataset.ready') == 'true' }
        // every request of the page's life is counted at the end: room for all of them
        browser.js('performance.setResourceTimingBufferSize(100000)')
        browser.signIn(people.operator.username, people.operator.password)

        then:
        browser.waitFor { browser.element('desk').getAttribute('data-state') == 'ready' }
        browser.all('#queues button')*.getAttribute('data-queue') == ['TO_ACCEPT', 'TO_FILE', 'TO_DISPATCH', 'RETURNED',
                                                                     'EXTENSIONS', 'HANDLING', 'SUSPENDED', 'TO_CHECK', 'TO_CLOSE', 'OVERDUE']
        browser.all('#queues button .name')*.text == ['待受理', '待立案', '待派遣', '部门回退', '延期审批', '待处置', '缓办', '待核查',
                                                      '待结案', '超期']
        browser.element('who').text == '王值班'
        browser.element('who-post').text == '值班员 Operator'
        browser.waitFor { browser.js("return document.getElementById('map').dataset.map") == 'ready' }
        browser.waitFor { TestTiles.REQUESTS.get() > 0 }
        !browser.element('basemap-message').displayed

        and: 'the overlay is moved to GCJ-02 to line up with the tiles, by the same formula as grid-model'
        browser.waitFor { (browser.js("return citygrid.map.querySourceFeatures('grids').length") as int) > 0 }
        def corner = browser.js("""return citygrid.map.getSource('grids').serialize().data.features
            .find(f => f.properties.code === arguments[0]).geometry.coordinates[0][0][0]""", GRID) as List
        def expected = ChinaCrsTransforms.transform(Position.wgs84(116.390, 39.920), Crs.GCJ02)
        Math.abs((corner[0] as double) - expected.lon()) < 1e-6 && Math.abs((corner[1] as double) - expected.lat()) < 1e-6
    }

    def "the page's GCJ-02 formula is grid-model's, point by point"() {
        given:
        def points = [[116.397, 39.908], [121.4737, 31.2304], [113.2644, 23.1291], [87.6168, 43.8256], [2.35, 48.85]]

        when:
        def moved = browser.asyncJs('''const done = arguments[arguments.length - 1];
            import('/console/js/gcj02.js').then(m => done(arguments[0].map(p => m.toGcj02(p[0], p[1]))));''', points) as List

        then:
        points.withIndex().every { p, i ->
            def java = ChinaCrsTransforms.transform(Position.wgs84(p[0] as double, p[1] as double), Crs.GCJ02)
            Math.abs((moved[i][0] as double) - java.lon()) < 1e-9 && Math.abs((moved[i][1] as double) - java.lat()) < 1e-9
        }
    }

    def "a hotline report raises the count of 待受理 live, and search by its case number finds it with every code named"() {
        given:
        def before = count('TO_ACCEPT') as int

        when: 'the operator takes a call with a photo, and the case cycle opens the case'
        photoRef = http.toBlocking().retrieve(HttpRequest.POST('/api/v1/photos', ConsoleBrowserSpec.realPng())
                .contentType('image/png').bearerAuth(signInToken(people.operator)), Map).ref
        caseId = "${GRID}-261207-${Long.toHexString(System.nanoTime() & 0xffffffffL).padLeft(8, '0')}".toString()
        def position = new GeoPoint(116.3952, 39.9245)
        def now = Instant.now()
        ReadModelFixture.insertCase(caseId: caseId, gridCode: GRID, lon: position.lon(), lat: position.lat(), channel: 'HOTLINE',
                reporterId: people.operator.id, description: '景山前街井盖松动', reportedAt: now, updatedAt: now,
                deadline: now.plusSeconds(3600))
        publish(new CaseEvent(caseId, 1, now, Actor.system('case-cycle'), 'intake:desk-1', new CaseChange.Reported(
                new ReportDetails('intake-desk-1', Channel.HOTLINE, 'C0101', GRID, position, '景山前街井盖松动',
                        people.operator.id as String, false, now, [new Evidence(photoRef, 'image/png')]), now.plusSeconds(3600))))

        then:
        browser.waitFor { count('TO_ACCEPT') as int == before + 1 }

        when:
        browser.element('desk-q').sendKeys(caseId)
        browser.element('desk-q').submit()
        browser.waitFor { !browser.all("#desk-list[data-queue='search'] li[data-case-id='${caseId}']").isEmpty() }
        browser.click("#desk-list li[data-case-id='${caseId}']")
        browser.waitFor { browser.element('case-panel').getAttribute('data-loaded') == caseId }

        then: 'the panel names the category with its code, the channel, the address and the state'
        field('category') == '上水井盖（C0101）'
        field('channel') == '热线'
        field('state') == '已上报'
        field('address').startsWith('景山街道')
        field('reporter') == '王值班'
        browser.waitFor { browser.all('#case-photos img').size() == 1 }
        browser.all('#action-buttons button')*.text.containsAll(['立案', '不予立案', '作废'])

        and: 'no code without its name, and no English, anywhere on the page'
        browser.rawCodes(CATEGORY_NAMES) == []
    }

    def "filing from the 待受理 queue takes one click; its count falls and 待派遣's rises"() {
        given:
        browser.click("#queues button[data-queue='TO_ACCEPT']")
        browser.waitFor { !browser.all("#desk-list[data-queue='TO_ACCEPT'] li[data-case-id='${caseId}']").isEmpty() }
        def accept = count('TO_ACCEPT') as int
        def dispatch = count('TO_DISPATCH') as int

        when:
        def commands = commandsShown()
        step('File')
        def command = commandAfter(commands)
        cycle(command.commandId(), 2, 'FILED', new CaseChange.Filed(null, false, Instant.now().plusSeconds(3600)), operatorActor())

        then:
        command.action() == new CaseAction.File(null)
        command.expectedVersion() == 1L
        browser.waitFor { count('TO_ACCEPT') as int == accept - 1 && count('TO_DISPATCH') as int == dispatch + 1 }
    }

    def "dispatching to the street office: the step opens the panel, which names the office"() {
        given:
        browser.click("#queues button[data-queue='TO_DISPATCH']")
        browser.waitFor { !browser.all("#desk-list[data-queue='TO_DISPATCH'] li[data-case-id='${caseId}']").isEmpty() }

        when:
        step('Dispatch')
        browser.waitFor { browser.element('case-panel').getAttribute('data-version') == '2' }
        def office = browser.all("#action-department option[value='${OFFICE}']")*.text
        browser.js("const s = document.getElementById('action-department'); s.value = arguments[0]; s.dispatchEvent(new Event('change'))", OFFICE)
        def commands = commandsShown()
        browser.click('#action-buttons button[data-action=Dispatch]')
        def command = commandAfter(commands)
        cycle(command.commandId(), 3, 'DISPATCHED', new CaseChange.Dispatched(OFFICE, null, null, false, Instant.now().plusSeconds(86_400)),
                operatorActor(), [department: OFFICE])

        then:
        office == ['景山街道办事处']
        command.action() == new CaseAction.Dispatch(OFFICE, null, null)
        browser.waitFor { browser.element('action-status').getAttribute('data-status') == 'APPLIED' }
        browser.waitFor { field('department') == '景山街道办事处' }
    }

    def "the map's department filter takes a street office"() {
        when:
        browser.js("const s = document.getElementById('filter-department'); s.value = arguments[0]; s.dispatchEvent(new Event('change'))", OFFICE)

        then:
        browser.waitFor { browser.js('return citygrid.casesQuery') == 'department=STREET_OFFICE%3A110106002' }
        browser.waitFor { browser.js('return citygrid.cases.has(arguments[0])', caseId) }
        browser.element('filter-message').text == ''
        browser.all("#filter-department option[value='${OFFICE}']")*.text == ['景山街道办事处']
    }

    def "a step the API refuses says why in Chinese"() {
        when: 'a reason with a control character, which the API refuses'
        browser.js("document.getElementById('action-text').value = 'x\\u0007y'")
        browser.click('#action-buttons button[data-action=Void]')

        then:
        browser.waitFor { browser.element('action-status').getAttribute('data-status') == 'ERROR' }
        browser.element('action-status').text == '作废：输入有误：理由'
    }

    def "the operator's desk at phone and tablet sizes: one pane at a time, tabs within reach"() {
        when:
        browser.size(390, 844)
        browser.click("#tabs button[data-tab='desk']")

        then: 'the desk fits the screen, and a case opened from it shows in the case tab'
        browser.waitFor { browser.element('tabs').displayed && browser.element('queues').displayed }
        (browser.js('return document.documentElement.scrollWidth') as int) <= 390
        browser.screenshot('operator-phone-desk')

        when: 'a queue with cases in it (the one shown last may have emptied as its case moved on)'
        browser.waitFor {
            browser.js("const q = [...document.querySelectorAll('#queues button[data-queue]')].find(b => Number(b.dataset.count) > 0);" +
                    " if (q) q.click(); return !!q") as boolean
        }
        browser.click("#desk-list li")

        then:
        browser.waitFor { browser.element('case-panel').displayed && !browser.element('desk').displayed }
        browser.rawCodes(CATEGORY_NAMES) == []
        browser.screenshot('operator-phone-case')

        when:
        browser.size(768, 1024)
        browser.click("#tabs button[data-tab='map']")

        then: 'a tablet shows the desk beside the map'
        browser.element('desk').displayed && browser.element('map').displayed
        (browser.js('return document.documentElement.scrollWidth') as int) <= 768

        cleanup:
        browser.screenshot('operator-tablet-map')
        browser.size(1440, 900)
    }

    def "the street office's handler signs for the task with one click: 待签收 falls, 处置中 rises"() {
        given:
        browser.element('sign-out').click()
        person('handler', Role.HANDLER, '李处置', OFFICE)
        browser.signIn(people.handler.username, people.handler.password)
        browser.waitFor { browser.element('desk').getAttribute('data-post') == 'HANDLER' }
        browser.waitFor { browser.element('desk').getAttribute('data-state') == 'ready' && count('TO_SIGN') == '1' }

        when:
        def queues = browser.all('#queues button .name')*.text
        def commands = commandsShown()
        step('Accept')
        def command = commandAfter(commands)
        cycle(command.commandId(), 4, 'IN_PROGRESS', new CaseChange.Accepted(people.handler.id as String), handlerActor(),
                [department: OFFICE])

        then:
        queues == ['待签收', '处置中', '缓办', '超期']
        !browser.element('map-pane').displayed
        command.action() == new CaseAction.Accept()
        browser.waitFor { count('TO_SIGN') == '0' && count('IN_HAND') == '1' }
    }

    def "the handler asks for an extension, with the hours and a reason"() {
        given:
        browser.click("#queues button[data-queue='IN_HAND']")
        browser.waitFor { !browser.all("#desk-list li[data-case-id='${caseId}']").isEmpty() }

        when:
        step('RequestExtension')
        browser.waitFor { browser.element('case-panel').getAttribute('data-version') == '4' }
        browser.element('action-hours').sendKeys('8')
        browser.element('action-text').sendKeys('等待配件到货')
        def commands = commandsShown()
        browser.click('#action-buttons button[data-action=RequestExtension]')
        def command = commandAfter(commands)
        cycle(command.commandId(), 5, 'IN_PROGRESS', new CaseChange.ExtensionRequested(Duration.ofHours(8), '等待配件到货'),
                handlerActor(), [department: OFFICE, pendingExtension: [extra: 'PT8H', reason: '等待配件到货', requestedBy: people.handler.id]])

        then:
        command.action() == new CaseAction.RequestExtension(Duration.ofHours(8), '等待配件到货')
        browser.waitFor { browser.element('pending-extension').text == '延期申请待审批：延长8 小时 · 等待配件到货 · 李处置' }
    }

    def "the handler reports it handled with a photo, uploaded as the API takes photos"() {
        given:
        def photo = File.createTempFile('handled', '.png')
        photo.bytes = ConsoleBrowserSpec.realPng()

        when:
        browser.element('action-photos').sendKeys(photo.absolutePath)
        browser.element('action-text').clear()
        browser.element('action-text').sendKeys('已更换井盖')
        def commands = commandsShown()
        browser.click('#action-buttons button[data-action=ReportHandled]')
        def command = commandAfter(commands)

        then:
        command.action().note() == '已更换井盖'
        command.action().evidence()*.mediaType() == ['image/png']
        command.action().evidence()[0].ref().startsWith('photo/')

        cleanup:
        photo.delete()
    }

    def "the handler returns another task with a reason"() {
        given: 'another case dispatched to the office'
        def other = ReadModelFixture.insertCase(gridCode: GRID, lon: 116.398d, lat: 39.925d, state: 'DISPATCHED', department: OFFICE,
                description: '人行道护栏损坏', deadline: Instant.now().plusSeconds(7200), updatedAt: Instant.now()).caseId as String
        def at = Instant.now().minusSeconds(600)
        def report = new ReportDetails('intake-desk-2', Channel.PATROL, 'C0101', GRID, new GeoPoint(116.398, 39.925), '人行道护栏损坏',
                'worker-desk', false, at, [])
        ReadModelFixture.insertHistory([
                new CaseEvent(other, 1, at, Actor.system('case-cycle'), 'intake:desk-2', new CaseChange.Reported(report, at.plusSeconds(3600))),
                new CaseEvent(other, 2, at.plusSeconds(60), operatorActor(), 'cmd-f2', new CaseChange.Filed(null, false, at.plusSeconds(3600))),
                new CaseEvent(other, 3, at.plusSeconds(120), operatorActor(), 'cmd-d2',
                        new CaseChange.Dispatched(OFFICE, null, null, false, at.plusSeconds(86_400)))])
        browser.click("#queues button[data-queue='TO_SIGN']")
        browser.waitFor { !browser.all("#desk-list li[data-case-id='${other}']").isEmpty() }

        when:
        step('Return', other)
        browser.waitFor { browser.element('case-panel').getAttribute('data-loaded') == other }
        browser.element('action-text').sendKeys('不属于本街道管辖')
        def commands = commandsShown()
        browser.click('#action-buttons button[data-action=Return]')
        def command = commandAfter(commands, other)

        then:
        command.action() == new CaseAction.Return('不属于本街道管辖')
        browser.rawCodes(CATEGORY_NAMES) == []
    }

    def "the handler's desk at phone size"() {
        when:
        browser.size(390, 844)
        browser.click("#tabs button[data-tab='desk']")

        then:
        browser.element('queues').displayed
        !browser.all("#tabs button[data-tab='map']")[0].displayed
        (browser.js('return document.documentElement.scrollWidth') as int) <= 390
        browser.rawCodes(CATEGORY_NAMES) == []

        cleanup:
        browser.screenshot('handler-phone-desk')
        browser.size(1440, 900)
    }

    def "the #post's desk: its post named in Chinese with English, and only the queues of its own steps"() {
        given: 'an account of the post, on the same page as the handler before'
        def key = post.name().toLowerCase()
        person(key, post, name)
        browser.element('sign-out').click()

        when:
        browser.signIn(people[key].username, people[key].password)

        then:
        browser.waitFor { browser.element('desk').getAttribute('data-state') == 'ready' && browser.element('desk').getAttribute('data-post') == post.name() }
        browser.element('who-post').text == title
        browser.waitFor { browser.element('who').text == name }
        browser.all('#queues button .name')*.text == queues
        browser.element('desk').getAttribute('data-read-only') == String.valueOf(post == Role.LEADER)

        and: "the leader's overview offers no step; the others' lists offer only their post's"
        browser.waitFor { browser.element('desk-list').getAttribute('data-queue') != null }
        def steps = browser.all('#desk-list button.step')*.getAttribute('data-action') as Set
        post != Role.LEADER || steps.isEmpty()

        cleanup:
        browser.screenshot("desk-${post.name().toLowerCase()}")

        where:
        post              | name     || title                  | queues
        Role.ACCEPTOR     | '赵受理' || '受理员 Acceptor'      | ['待受理', '待立案', '待核查', '超期']
        Role.SHIFT_LEADER | '钱值班长' || '值班长 Shift leader' | ['待立案', '延期审批', '待结案', '超期']
        Role.DISPATCHER   | '孙派遣' || '派遣员 Dispatcher'    | ['待派遣', '部门回退', '延期审批', '待处置', '缓办', '超期']
        Role.LEADER       | '周主任' || '中心领导 Leader'       | ['待受理', '待立案', '待派遣', '部门回退', '延期审批', '待处置', '缓办', '待核查',
                                                              '待结案', '超期']
    }

    def "over 30 s of live events the grid layer is read once, cases move by id, and MapLibre warns of no null"() {
        given: 'the operator again, on the same page'
        browser.element('sign-out').click()
        browser.signIn(people.operator.username, people.operator.password)
        browser.waitFor { browser.element('live').getAttribute('data-state') == 'on' }
        browser.js("const s = document.getElementById('filter-department'); s.value = ''; s.dispatchEvent(new Event('change'))")
        def ids = []

        when: 'a case reported every second, and each filed a moment later'
        def end = System.currentTimeMillis() + 30_000
        while (System.currentTimeMillis() < end) {
            def id = "${GRID}-261207-${Long.toHexString(System.nanoTime() & 0xffffffffL).padLeft(8, '0')}".toString()
            def now = Instant.now()
            ReadModelFixture.insertCase(caseId: id, gridCode: GRID, lon: 116.391d + ids.size() * 0.0002d, lat: 39.921d, channel: 'PATROL',
                    reportedAt: now, updatedAt: now, deadline: now.plusSeconds(3600))
            publish(new CaseEvent(id, 1, now, Actor.system('case-cycle'), "intake:${id}", new CaseChange.Reported(
                    new ReportDetails("intake-${id}", Channel.PATROL, 'C0101', GRID, new GeoPoint(116.391d + ids.size() * 0.0002d, 39.921d),
                            '巡查发现', 'worker-desk', false, now, []), now.plusSeconds(3600))))
            if (ids) {
                cycle("cmd-${UUID.randomUUID()}", 2, 'FILED', new CaseChange.Filed(null, true, now.plusSeconds(3600)), Actor.system('case-cycle'),
                        [:], ids.last() as String)
            }
            ids << id
            Thread.sleep(1000)
        }

        then: 'every case is on the map by id, in its state'
        browser.waitFor { ids.every { browser.js('return citygrid.cases.has(arguments[0])', it) } }
        browser.waitFor { browser.js('return citygrid.cases.get(arguments[0]).properties.state', ids[-2]) == 'FILED' }

        and: 'the grid colours follow the counts without the polygons'
        def open = http.toBlocking().retrieve(HttpRequest.GET('/api/v1/operator/map/grid-counts')
                .bearerAuth(signInToken(people.operator)), Map)[GRID][0]
        browser.waitFor { browser.js("return citygrid.map.getFeatureState({source: 'grids', id: arguments[0]}).openCases", GRID) == open }

        and: 'the grid layer was downloaded once in the page\'s whole life'
        (browser.js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/v1/operator/map/grids')).length") as int) == 1
        browser.js('return citygrid.gridDownloads') == 1
        !browser.logs().any { it.contains('found null') }
    }

    private List<String> commandsShown() {
        browser.all('[data-command]')*.getAttribute('data-command')
    }

    /** The command the page sent after {@code before} was shown: read back from grid.commands. */
    private def commandAfter(List<String> before, String onCase = caseId) {
        String id = null
        browser.waitFor { (id = commandsShown().find { !(it in before) }) != null }
        def command = null
        browser.waitFor { (command = sent(id, onCase)) != null }
        command
    }

    private Actor operatorActor() {
        Actor.of(people.operator.id as String, Role.OPERATOR)
    }

    private Actor handlerActor() {
        Actor.handler(people.handler.id as String, OFFICE)
    }

    private String field(String name) {
        browser.driver.findElement(By.cssSelector("#case-details dd[data-field=${name}]")).text
    }

    private String signInToken(Map who) {
        http.toBlocking().retrieve(HttpRequest.POST('/api/v1/auth/sign-in', [username: who.username, password: who.password]), Map).access_token
    }

    /** The case cycle's part: the row, the whole event in the history, the event on the topic. */
    private void publish(CaseEvent event) {
        ReadModelFixture.insertHistory([event])
        Topics.publish(event)
    }

    /** The case cycle applying a command: the row as it leaves it, then the event. */
    private void cycle(String commandId, long version, String state, CaseChange change, Actor actor, Map row = [:],
                       String onCase = caseId) {
        def now = Instant.now()
        ReadModelFixture.insertCase([caseId: onCase, gridCode: GRID, version: version, state: state, deadline: now.plusSeconds(7200),
                                     updatedAt: now] + row)
        publish(new CaseEvent(onCase, version, now, actor, commandId, change))
    }

    private def sent(String commandId, String onCase = caseId) {
        Topics.withKey(TestStack.COMMANDS, onCase).collect { WireCodec.commands().read(it.value()) }.find { it.commandId() == commandId }
    }
}
