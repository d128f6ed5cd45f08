package org.citygrid.api.app

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.PhoneBrowser
import org.citygrid.api.testkit.PlayedCase
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.api.testkit.TestStack
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseState
import org.citygrid.model.cases.Evidence
import org.citygrid.model.cases.Role
import org.citygrid.model.geo.Crs
import org.citygrid.model.geo.Position
import spock.lang.Shared
import spock.lang.Stepwise

import javax.imageio.ImageIO

/**
 * The phone app (/app) in Debian's Chromium emulating a phone (390 × 844, touch, Chinese), against the
 * real API, broker and PostGIS: a resident signs up, reports with a photo and a position pasted from AMap
 * (GCJ-02), hears of every step in their inbox, in Chinese, while the app is open, reads the timeline and
 * rates the closed case; a grid worker verifies a report on site with a photo, then reports on patrol with
 * no network and the report goes, once, when the network returns; the app installs and opens offline.
 * The case cycle does not run in mobile-api's tests: {@link PlayedCase} decides each step with grid-model's
 * real decider and writes and publishes what it decides, as the case cycle and its projection would.
 * Screenshots of each screen go to target/screenshots/ (docs/app.md shows them).
 */
@MicronautTest
@Stepwise
class AppBrowserSpec extends ApiSpec {

    /** A grid of its own, away from the other specs' cases, so that "nearby" and "the community here" are this spec's. */
    static final String GRID = '110101002003001'
    static final String COMMUNITY = '110101002003'
    /** Where the resident stands and the problem is, in WGS 84; AMap shows it at its GCJ-02 position. */
    static final Position PROBLEM = Position.wgs84(116.44521, 39.93517)
    static final Position WORKER_AT = Position.wgs84(116.44605, 39.93460)
    /** Where the worker has walked to, on duty, and reports from. */
    static final Position WALKED = Position.wgs84(WORKER_AT.lon() + 0.0004, WORKER_AT.lat())
    static final File SHOTS = new File('target/screenshots')
    static final Actor OPERATOR = Actor.of('operator-app-spec', Role.OPERATOR)
    static final Actor HANDLER = Actor.handler('handler-app-spec', 'WATER_SUPPLY')
    static final Actor CHECKER = Actor.of('worker-checker-app-spec', Role.GRID_WORKER)

    @Inject
    EmbeddedServer server

    @Shared
    PhoneBrowser phone
    @Shared
    String username = "resident${System.nanoTime()}"
    @Shared
    String residentId
    @Shared
    PlayedCase reported
    @Shared
    TestUser worker
    @Shared
    PlayedCase toVerify
    @Shared
    int shot = 0

    @Override
    Map<String, String> getProperties() {
        def group = UUID.randomUUID().toString()
        super.properties + [
                'citygrid.push.intents.enabled'    : 'true', 'citygrid.push.intents.start': 'earliest',
                'citygrid.push.intents.group'      : "app-intents-${group}".toString(),
                // a phone's photo, made smaller by the app, is tens of kilobytes
                'citygrid.photos.max-bytes'        : '8388608']
    }

    def setupSpec() {
        ReadModelFixture.insertGrid(GRID, 116.4440, 39.9340, 116.4470, 39.9360, '新中街网格', '东直门街道')
        phone = new PhoneBrowser()
        SHOTS.mkdirs()
        SHOTS.listFiles().findAll { it.name.startsWith('app-') }*.delete()
    }

    def cleanupSpec() {
        phone?.close()
    }

    def cleanup() {
        def log = new File(SHOTS, 'app-browser.log')
        log << phone.log().join('\n') + '\n'
    }

    void shoot(String name) {
        phone.screenshot(new File(SHOTS, String.format('app-%02d-%s.png', ++shot, name)))
    }

    /** The app's origin, as the browser names it (geolocation is granted per origin). */
    String origin() {
        server.URL.toString().replaceAll('/$', '')
    }

    def "a new resident signs up with the community found from where they stand, and lands on the report screen"() {
        given:
        phone.standAt(origin(), PROBLEM.lon(), PROBLEM.lat())

        when:
        phone.open("${server.URL}/app/")
        phone.waitFor { phone.screen() == 'signin' }
        shoot('signin')
        phone.tap('to-signup')
        phone.type('signup-name', '王女士')
        phone.type('signup-username', username)
        phone.type('signup-password', 'a long enough secret')
        phone.tap('signup-locate')
        phone.waitFor { phone.el('signup-community').getAttribute('value') == COMMUNITY }
        shoot('signup')
        phone.tap('signup-submit')

        then:
        phone.waitFor { phone.screen() == 'report' }
        phone.js('return document.getElementById("signup-community-name").textContent').contains('东直门街道')
        phone.js('return document.body.dataset.role') == 'RESIDENT'
        phone.el('app-title').text == '城市网格'

        cleanup:
        residentId = TestStack.instance.rows('SELECT id FROM api.accounts WHERE username = ?', [username]).first()?.id
    }

    def "the resident reports in three taps, with a photo and a position pasted from AMap (GCJ-02)"() {
        given: 'where AMap shows the problem'
        Position amap = PROBLEM.to(Crs.GCJ02)

        when: 'a photo, the AMap position, the category found by a keyword, and send'
        phone.photograph('report-photo', 'manhole')
        phone.waitFor { phone.el('report-previews').getAttribute('data-count') == '1' }
        phone.tap('report-paste-toggle')
        phone.type('report-paste', String.format('%.6f,%.6f', amap.lon(), amap.lat()))
        phone.tap('report-paste-use')
        phone.type('report-category-search', '井盖')
        phone.waitFor { !phone.all('#report-category-choices button[data-code="C0101"]').isEmpty() }
        phone.all('#report-category-choices button[data-code="C0101"]').first().click()
        phone.type('report-description', '井盖缺失，夜里很危险')
        assert phone.el('report-category').text.startsWith('上水井盖 C0101')
        shoot('report')
        phone.tap('report-submit')

        then: 'the report is sent, and the resident sees it under "mine"'
        phone.waitFor { phone.screen() == 'mine' }
        phone.waitFor { !phone.all('#mine-list li').isEmpty() }
        phone.el('report-position').getAttribute('data-crs') == 'gcj02'

        and: 'one intake record, at the WGS 84 point the resident stood on, within a metre, with the photo'
        def intake = PlayedCase.intakeOf(residentId)
        intake.size() == 1
        metres(intake[0].position().lon(), intake[0].position().lat(), PROBLEM) < 1.0
        intake[0].categoryCode() == 'C0101'
        intake[0].media().size() == 1
        intake[0].media()[0].mediaType() == 'image/jpeg'
        intake[0].anonymous()
    }

    def "the case is on the operators' map where the resident stood, in WGS 84"() {
        given: 'the case cycle places the report'
        reported = PlayedCase.reported(PlayedCase.intakeOf(residentId).first(), GRID)
        def operator = user(Role.OPERATOR)

        when:
        def map = new groovy.json.JsonSlurper().parseText(http.toBlocking().retrieve(
                io.micronaut.http.HttpRequest.GET('/api/v1/operator/map/cases?bbox=116.444,39.934,116.447,39.936')
                        .bearerAuth(operator.accessToken), String))
        def feature = map.features.find { it.id == reported.caseId }

        then:
        feature != null
        metres(feature.geometry.coordinates[0] as double, feature.geometry.coordinates[1] as double, PROBLEM) < 1.0
    }

    def "every step reaches the resident's inbox in Chinese while the app is open"() {
        given: 'the resident looks at their inbox; the page is not reloaded from here on'
        tab('inbox')
        phone.js('window.sameDocument = true')

        when: 'the case goes through the whole cycle'
        reported.step(OPERATOR, new CaseAction.File('符合立案标准'))
                .step(OPERATOR, new CaseAction.Dispatch('WATER_SUPPLY', null, null))
                .step(HANDLER, new CaseAction.Accept())
                .step(HANDLER, new CaseAction.ReportHandled('已更换井盖', [new Evidence('photo/handled-1', 'image/jpeg')]))
                .step(CHECKER, new CaseAction.Check(true, '已修复', [new Evidence('photo/checked-1', 'image/jpeg')]))
                .step(OPERATOR, new CaseAction.Close(null))

        then: 'one message per step that concerns them, newest first, naming the problem and the step'
        reported.state == CaseState.CLOSED
        phone.waitFor { phone.all('#inbox-list li').size() == 6 }
        phone.all('#inbox-list li .title')*.text == ['「上水井盖」已结案', '「上水井盖」已处置', '「上水井盖」处置中',
                                                     '「上水井盖」已派遣', '「上水井盖」已立案', '「上水井盖」已收到']
        def bodies = phone.all('#inbox-list li .title + div')*.text
        bodies[0] == '您上报的「上水井盖」已结案，请对处理结果进行评价。'
        bodies[1] == '自来水已处置完您上报的「上水井盖」，等待网格员现场核查。'
        bodies[2] == '自来水已受理您上报的「上水井盖」，正在处置。'
        bodies[3] == '您上报的「上水井盖」已派遣至自来水。'
        bodies[4] == '您上报的「上水井盖」已立案。'
        bodies[5] == "您上报的「上水井盖」已收到，案件编号 ${reported.caseId}。".toString()
        phone.el('unread').text == '6'
        phone.js('return window.sameDocument') == true
        shoot('inbox')
    }

    def "the inbox is written in the language the person switches to"() {
        when:
        phone.tap('lang')

        then: 'the server writes the same messages in English'
        phone.waitFor { phone.all('#inbox-list li .title')*.text.first() == "'Water-supply manhole cover' closed" }
        phone.all('#inbox-list li .title + div')*.text[3] == "Your report 'Water-supply manhole cover' was dispatched to Water supply."

        cleanup:
        phone.tap('lang')
        phone.waitFor { phone.all('#inbox-list li .title')*.text.first() == '「上水井盖」已结案' }
    }

    def "from the closing message the resident reads the timeline in plain Chinese and rates the case"() {
        when:
        phone.all('#inbox-list li button.open').first().click()

        then:
        phone.waitFor { phone.screen() == 'report-detail' && phone.el('detail-timeline').getAttribute('data-steps') == '7' }
        phone.all('#detail-timeline li span')*.text == ['问题已上报', '已立案', '已派遣至自来水', '自来水已受理，正在处置',
                                                       '自来水已处置完毕，等待现场核查', '网格员现场核查：问题已解决', '已结案']
        phone.el('detail-status').text == '已结案'
        phone.el('unread').text == '5'

        when: 'five stars and a word'
        phone.all('#rate-stars button[data-score="5"]').first().click()
        phone.type('rate-comment', '处理很快，谢谢')
        shoot('timeline-rate')
        phone.tap('rate-submit')

        then: "the rating goes to the case cycle as the resident's step"
        def rate = waitForCommand(reported.caseId, 'Rate')
        rate.actor().id() == residentId
        rate.action().score() == 5
        rate.action().comment() == '处理很快，谢谢'

        when: 'the case cycle takes it, and the resident opens the report again'
        reported.take(rate)
        phone.open("${server.URL}/app/")
        phone.waitFor { phone.screen() == 'report' }
        tab('mine')
        phone.waitFor { !phone.all("#mine-list li[data-case-id='${reported.caseId}']").isEmpty() }
        phone.all("#mine-list li[data-case-id='${reported.caseId}'] button.open").first().click()

        then:
        phone.waitFor { phone.el('detail-rating').displayed && phone.el('detail-rating').text == '您的评价：★★★★★' }
        !phone.el('rate-form').displayed
        shoot('report-detail')
    }

    def "a grid worker hears of a report to verify, finds it nearest first, and verifies it on site with a photo"() {
        given: "another resident reports exposed garbage in the worker's grid, with a photo"
        worker = user(Role.GRID_WORKER, [grids: [GRID]])
        def neighbour = user(Role.RESIDENT, [community: COMMUNITY])
        def photoRef = photo(neighbour, jpeg())
        assert post(neighbour, '/api/v1/reports', [categoryCode: 'E0102', description: '路边堆了很多垃圾',
                                                   position    : [lon: 116.44580, lat: 39.93470], photos: [photoRef]]).status.code == 202
        toVerify = PlayedCase.reported(PlayedCase.intakeOf(neighbour.id).first(), GRID)
        toVerify.tell('VERIFY_NEEDED', 'GRID', GRID)

        when: 'the worker signs in on the phone, standing a few metres away'
        phone.standAt(origin(), WORKER_AT.lon(), WORKER_AT.lat())
        phone.tap('open-settings')
        phone.tap('sign-out')
        phone.waitFor { phone.screen() == 'signin' }
        phone.type('signin-username', worker.username)
        phone.type('signin-password', worker.password)
        phone.tap('signin-submit')

        then: 'the task is there, with its deadline and distance, and the message in the inbox'
        phone.waitFor { phone.screen() == 'tasks' && !phone.all("#task-list li[data-case-id='${toVerify.caseId}']").isEmpty() }
        phone.waitFor { phone.el('tasks-where').text == '按距离由近到远' }
        def task = phone.all("#task-list li[data-case-id='${toVerify.caseId}']").first()
        task.getAttribute('data-kind') == 'Verify'
        task.text.contains('暴露垃圾')
        task.text.contains('距您')
        phone.waitFor { phone.el('unread').text == '1' }
        shoot('tasks')

        when: 'the worker opens it, finds the garbage, photographs it and sends'
        task.findElement(org.openqa.selenium.By.cssSelector('button.open')).click()
        phone.waitFor { phone.screen() == 'task' && phone.el('screen-task').getAttribute('data-allowed') == 'true' }
        phone.waitFor { phone.all('#task-photos img').size() == 1 }
        assert phone.el('task-meta').text.endsWith(' · 新中街网格 110101002003001')
        phone.photograph('task-photo', 'garbage')
        phone.waitFor { phone.el('task-previews').getAttribute('data-count') == '1' }
        phone.type('task-note', '现场确有垃圾堆放')
        shoot('task-verify')
        phone.tap('task-submit')

        then: 'a Verify with the photo goes to the case cycle, which records the finding'
        phone.waitFor { phone.el('screen-task').getAttribute('data-sent') == 'sent' }
        def verify = waitForCommand(toVerify.caseId, 'Verify')
        verify.actor().id() == worker.id
        verify.action().found()
        verify.action().evidence().size() == 1
        toVerify.take(verify).current.verification().get().found()
        phone.el('task-amap').getAttribute('href').startsWith('https://uri.amap.com/marker?position=116.45')
    }

    def "on duty, the phone posts the worker's track, and the patrol area is on the map"() {
        given: 'before the offline walk: after DevTools has cut the network once, the service worker went on failing MapLibre (ERR_FAILED) in Chromium 156'
        tab('patrol')

        when: 'on duty, the worker walks 30 m, then goes off duty'
        phone.tap('duty')
        phone.waitFor { phone.el('duty-status').text.startsWith('在岗中') }
        phone.standAt(origin(), WALKED.lon(), WALKED.lat())
        phone.waitFor { phone.el('duty-status').text.contains('已记录 2') }
        shoot('patrol-duty')
        phone.tap('duty')

        then: 'the points are on the server, in WGS 84'
        phone.waitFor { phone.el('duty-status').text == '不在岗' }
        def track = waitForRows('SELECT lon, lat FROM api.patrol_track WHERE worker_id = ? ORDER BY at', [worker.id], 2)
        metres(track[0].lon as double, track[0].lat as double, WORKER_AT) < 1.0

        when:
        phone.tap('patrol-area')

        then:
        phone.waitFor(60) { phone.el('map').getAttribute('data-map') == 'ready' }
        phone.el('map').getAttribute('data-grids') == '1'
        phone.waitFor { phone.js("return window.citygridMap.queryRenderedFeatures({layers: ['area-fill']}).length") as int > 0 }
        shoot('patrol-area')
        phone.tap('map-back')
    }

    def "offline, a patrol report waits on the phone and is sent exactly once when the network returns"() {
        given:
        tab('patrol')
        phone.waitFor { phone.el('patrol-position').getAttribute('data-state') == 'set' }

        when: 'the network goes, and the worker reports water logging'
        phone.offline(true)
        phone.waitFor { phone.js('return document.body.dataset.online') == 'false' }
        phone.photograph('patrol-photo', 'flooding')
        phone.waitFor { phone.el('patrol-previews').getAttribute('data-count') == '1' }
        phone.type('patrol-category-search', '积水')
        phone.waitFor { !phone.all('#patrol-category-choices button[data-code="E0406"]').isEmpty() }
        phone.all('#patrol-category-choices button[data-code="E0406"]').first().click()
        phone.type('patrol-description', '路口积水约二十厘米')
        phone.tap('patrol-submit')

        then: 'the phone keeps it and says so; nothing has reached the API'
        phone.waitFor { phone.el('pending').getAttribute('data-count') == '1' }
        phone.el('pending').text == '待发送 1'
        phone.waitFor { phone.el('patrol-message').text == '网络不可用，已保存，联网后自动发送' }
        shoot('patrol-offline')
        PlayedCase.intakeOf(worker.id).isEmpty()

        when: "the network returns, and the worker also taps 'send now' while the phone is already sending"
        phone.tap('open-settings')
        phone.waitFor { phone.all('#outbox-list li[data-kind="patrol"]').size() == 1 }
        shoot('outbox')
        phone.offline(false)
        phone.tap('outbox-send')

        then: 'nothing waits any more, and exactly one report reached the API'
        phone.waitFor { !phone.el('pending').displayed }
        PlayedCase.intakeOf(worker.id).size() == 1

        when: 'the case cycle takes what it received'
        def intake = PlayedCase.intakeOf(worker.id)
        intake.each { PlayedCase.reported(it, GRID) }

        then: "exactly one case, where the worker stands now, with the photo"
        def cases = TestStack.instance.rows('SELECT case_id, category_code FROM grid.cases WHERE reporter_id = ?', [worker.id])
        cases.size() == 1
        cases[0].category_code == 'E0406'
        metres(intake[0].position().lon(), intake[0].position().lat(), WALKED) < 1.0
        intake[0].media().size() == 1
    }

    def "the app installs: manifest, icons in sizes, a service worker in control, and the shell opens offline"() {
        when: 'the app is loaded again, as a person opening it a second time'
        phone.open("${server.URL}/app/")
        phone.waitFor { phone.js('return document.body.dataset.ready') == 'true' }
        Map manifest = phone.driver.executeAsyncScript(
                'const done = arguments[arguments.length - 1];' +
                'fetch(document.querySelector("link[rel=manifest]").href).then(r => r.json()).then(done, e => done(null));') as Map

        then: 'the manifest has what an installable app needs'
        manifest.name && manifest.short_name == '城市网格'
        manifest.start_url == '/app/' && manifest.scope == '/app/'
        manifest.display == 'standalone'
        manifest.background_color && manifest.theme_color
        def sizes = (manifest.icons as List<Map>).collect { icon ->
            def image = ImageIO.read(new URL("${server.URL}/app/${icon.src}"))
            assert icon.type == 'image/png' && "${image.width}x${image.height}" == icon.sizes
            icon.sizes
        }
        sizes.containsAll(['192x192', '512x512'])
        (manifest.icons as List<Map>).any { it.purpose == 'maskable' }

        and: 'a service worker controls the page, and Chromium finds nothing against installing it'
        phone.waitFor { phone.js('return !!navigator.serviceWorker.controller') == true }
        phone.cdp('Page.getInstallabilityErrors').installabilityErrors == []

        when: 'with no network at all, the app is opened again'
        phone.offline(true)
        phone.open("${server.URL}/app/")

        then: "the shell opens from the service worker: the signed-in worker's tasks screen, marked offline"
        phone.waitFor { phone.js('return document.body.dataset.ready') == 'true' }
        phone.screen() == 'tasks'
        phone.js('return document.body.dataset.online') == 'false'
        phone.el('net').displayed
        shoot('offline-shell')

        and: 'no page of the app broke its content security policy'
        phone.js('return window.citygridApp.csp') == []

        cleanup:
        phone.offline(false)
    }

    private void tab(String name) {
        phone.all("#tabs button[data-tab='${name}']").first().click()
        phone.waitFor { phone.screen() == name }
    }

    /** The command of this type the app sent for the case, once it is on grid.commands. */
    private static org.citygrid.model.cases.CaseCommand waitForCommand(String caseId, String type) {
        for (int i = 0; i < 60; i++) {
            def found = PlayedCase.commandsOn(caseId).find { it.action().getClass().simpleName == type }
            if (found) {
                return found
            }
            Thread.sleep(500)
        }
        throw new AssertionError("no ${type} command for ${caseId} on grid.commands")
    }

    private static List<Map> waitForRows(String sql, List params, int atLeast) {
        for (int i = 0; i < 60; i++) {
            def rows = TestStack.instance.rows(sql, params)
            if (rows.size() >= atLeast) {
                return rows
            }
            Thread.sleep(500)
        }
        throw new AssertionError("fewer than ${atLeast} rows for ${sql}")
    }

    /** Metres between a WGS 84 point and a position, on the sphere (enough for a metre's tolerance). */
    static double metres(double lon, double lat, Position p) {
        double r = 6371008.8
        double dLat = Math.toRadians(lat - p.lat())
        double dLon = Math.toRadians(lon - p.lon())
        double h = Math.sin(dLat / 2)**2 + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(p.lat())) * Math.sin(dLon / 2)**2
        return r * 2 * Math.asin(Math.sqrt(h))
    }

    /** A real JPEG, as a phone's camera makes one (the API keeps the bytes; the app shows them). */
    static byte[] jpeg() {
        def image = new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB)
        def g = image.createGraphics()
        g.color = new java.awt.Color(0x8a, 0x6d, 0x3b)
        g.fillRect(0, 0, 320, 240)
        g.dispose()
        def out = new ByteArrayOutputStream()
        ImageIO.write(image, 'jpg', out)
        out.toByteArray()
    }
}
