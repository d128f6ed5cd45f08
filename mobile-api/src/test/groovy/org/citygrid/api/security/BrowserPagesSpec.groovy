package org.citygrid.api.security

import io.micronaut.http.HttpRequest
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.citygrid.api.console.Browser
import org.citygrid.api.console.TestTiles
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.PhoneBrowser
import org.citygrid.model.cases.Role
import org.openqa.selenium.By
import spock.lang.Shared

import com.sun.net.httpserver.HttpServer

/**
 * The headers that keep the browser pages safe (issue 13, item 9) on every kind of answer, and the pages
 * living with them in Debian's Chromium: the desk console signed in, with its map and base map drawn and its
 * live stream on; the phone app signed in as a resident, with its service worker and its map; the Swagger UI.
 * None breaks a rule of the policy (Chromium logs every refusal), and no other site can frame them.
 * The page is opened as localhost and its base map's tiles come from 127.0.0.1, another origin, as a tile
 * service would be: the policy lets them in because the base-map setting names them.
 */
@MicronautTest
class BrowserPagesSpec extends ApiSpec {

    /** The server's port, fixed before it starts, so that the base map's URL can name it. */
    static final int PORT = new ServerSocket(0).withCloseable { it.localPort }
    static final String TILE_ORIGIN = "http://127.0.0.1:${PORT}"

    /** application.yml's policy, with this spec's base-map origin. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; " +
            "img-src 'self' data: blob: ${TILE_ORIGIN}; connect-src 'self' ${TILE_ORIGIN}; font-src 'self'; " +
            "worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
            "frame-ancestors 'none'"

    @Inject
    EmbeddedServer server

    @Shared
    Browser desk
    @Shared
    PhoneBrowser phone

    @Override
    Map<String, String> getProperties() {
        super.properties + ['micronaut.server.port'          : "${PORT}".toString(),
                            'citygrid.live.enabled'          : 'true',
                            'citygrid.test.tiles'            : 'true',
                            'citygrid.console.base-map.tiles': "${TILE_ORIGIN}/test-tiles/{z}/{x}/{y}.png".toString()]
    }

    def setupSpec() {
        desk = new Browser('browser-pages')
        phone = new PhoneBrowser()
    }

    def cleanupSpec() {
        desk?.quit()
        phone?.close()
    }

    /** The page's address as the browser opens it: localhost, not the tiles' 127.0.0.1. */
    String page(String path) {
        "http://localhost:${PORT}${path}"
    }

    def "#what carries the browser headers"() {
        when:
        def response = exchange(HttpRequest.GET(path))

        then:
        response.status.code == status
        response.header('Content-Security-Policy') == POLICY
        response.header('X-Content-Type-Options') == 'nosniff'
        response.header('X-Frame-Options') == 'DENY'
        response.header('Referrer-Policy') == 'strict-origin-when-cross-origin'

        where:
        what                            | path                                    || status
        'the console\'s page'           | '/console/index.html'                   || 200
        'a console module'              | '/console/js/main.js'                   || 200
        'the phone app\'s page'         | '/app/'                                 || 200
        'the app\'s service worker'     | '/app/sw.js'                            || 200
        'the app\'s manifest'           | '/app/manifest.webmanifest'             || 200
        'the Swagger UI page'           | '/swagger-ui/index.html'                || 200
        'a Swagger UI file'             | '/swagger-ui/res/swagger-ui-bundle.js'  || 200
        'an API answer'                 | '/open311/v2/services.json'             || 200
        'a refusal for want of sign-in' | '/api/v1/accounts/me'                   || 401
        'health'                        | '/manage/health'                        || 200
    }

    def "the console signed in, its map and base map drawn and its live stream on, breaks no rule of its policy"() {
        given:
        def operator = user(Role.OPERATOR)
        TestTiles.REQUESTS.set(0)

        when:
        desk.driver.get(page('/console/'))
        desk.waitFor { desk.js('return document.body.dataset.ready') == 'true' }
        desk.signIn(operator.username, operator.password)

        then:
        desk.waitFor { desk.js('return document.body.dataset.view') == 'app' }
        desk.waitFor { desk.element('map').getAttribute('data-map') == 'ready' }
        desk.waitFor { desk.element('live').getAttribute('data-state') == 'on' }
        desk.element('map').getAttribute('data-basemap') == 'configured'
        desk.waitFor { TestTiles.REQUESTS.get() > 0 }
        desk.waitFor { desk.js("return citygrid.map.areTilesLoaded()") == true }
        def log = desk.logs()
        violations(log) == []
        log.findAll { it.contains('map error') } == []
    }

    def "the phone app signed in as a resident, its service worker running and its map open, breaks no rule of its policy"() {
        given:
        def resident = user(Role.RESIDENT)

        when:
        phone.open(page('/app/'))
        phone.waitFor { phone.screen() == 'signin' }
        phone.type('signin-username', resident.username)
        phone.type('signin-password', resident.password)
        phone.tap('signin-submit')

        then:
        phone.waitFor { phone.screen() == 'report' }
        phone.waitFor { phone.js('return document.body.dataset.sw') in ['registered', 'controlling'] }

        when: 'the map (MapLibre, its worker made from a blob: URL) opens to place the problem'
        phone.tap('report-pick')

        then:
        phone.waitFor(60) { phone.el('map').getAttribute('data-map') == 'ready' }
        phone.waitFor { phone.js('return window.citygridMap.loaded()') == true }
        violations(phone.log()) == []
    }

    def "the Swagger UI shows the API's operations and breaks no rule of its policy"() {
        given: 'each refusal also logged with what was refused (its first 40 characters)'
        desk.driver.executeCdpCommand('Page.addScriptToEvaluateOnNewDocument', [source: '''
            document.addEventListener('securitypolicyviolation',
              (e) => console.warn('csp refused', e.violatedDirective, JSON.stringify(e.sample), e.sourceFile, e.lineNumber));'''])

        when:
        desk.driver.get(page('/swagger-ui/index.html'))

        then:
        desk.waitFor { desk.all('.opblock').size() > 20 }
        desk.all('.info .title')*.text.any { it.contains('CityGrid') }
        violations(desk.logs()) == []
    }

    def "a host the base map does not name is refused: the policy is what lets the tiles in"() {
        given:
        desk.driver.get(page('/console/index.html'))
        desk.waitFor { desk.js('return document.body.dataset.ready') == 'true' }

        when: 'the page loads a picture from the tile host, and one from another'
        desk.js("""
            for (const host of ['${TILE_ORIGIN}', 'http://127.0.0.2:${PORT}']) {
              const i = new Image(); i.id = host; i.src = host + '/test-tiles/1/1/1.png'; document.body.append(i);
            }""")

        then:
        desk.waitFor { desk.js("return document.getElementById('${TILE_ORIGIN}').naturalWidth") == 256 }
        desk.waitFor { violations(desk.logs()).any { it.contains('127.0.0.2') && it.contains('img-src') } }
    }

    def "no page of this server can be framed by another site"() {
        given: 'another site, whose page frames the console'
        def site = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
        site.createContext('/') { exchange ->
            def html = "<!doctype html><title>elsewhere</title><iframe id=f src='${page('/console/index.html')}'></iframe>".bytes
            exchange.responseHeaders.add('Content-Type', 'text/html;charset=utf-8')
            exchange.sendResponseHeaders(200, html.length)
            exchange.responseBody.withCloseable { it.write(html) }
        }
        site.start()

        when:
        desk.driver.get("http://127.0.0.1:${site.address.port}/")
        desk.waitFor { desk.driver.title == 'elsewhere' }
        Thread.sleep(1500)
        def log = desk.logs()
        desk.driver.switchTo().frame('f')

        then: 'the browser shows nothing of the console in the frame, and says why'
        desk.driver.findElements(By.id('signin-form')).isEmpty()
        log.any { it.contains("frame-ancestors 'none'") }

        cleanup:
        desk.driver.switchTo().defaultContent()
        site.stop(0)
    }

    /** What of a browser log is a refusal under the Content-Security-Policy. */
    private static List<String> violations(List<String> log) {
        log.findAll { it.contains('Content Security Policy') || it.contains('Refused to') }
    }
}
