package org.citygrid.api.security

import io.micronaut.http.HttpRequest
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.model.cases.Role
import org.openqa.selenium.By
import org.openqa.selenium.StaleElementReferenceException
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions
import org.openqa.selenium.logging.LogEntry
import org.openqa.selenium.support.ui.WebDriverWait
import spock.lang.Shared

import java.time.Duration
import java.util.function.Function

/**
 * The headers that keep the browser pages safe (issue 13, item 9), and the pages living with them: the
 * console and the Swagger UI, loaded in a real headless Chromium (Debian's, as ConsoleBrowserSpec starts
 * it), with no Content-Security-Policy violation in the browser's log.
 */
@MicronautTest
class BrowserPagesSpec extends ApiSpec {

    static final File CHROMEDRIVER = new File('/usr/bin/chromedriver')
    static final File CHROMIUM = new File('/usr/bin/chromium')

    /** application.yml's policy, with the tile host this spec configures. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; " +
            "img-src 'self' data: blob: https://tiles.example.org; connect-src 'self' https://tiles.example.org; " +
            "font-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; " +
            "frame-ancestors 'none'"

    @Inject
    EmbeddedServer server

    @Shared
    ChromeDriver driver

    @Override
    Map<String, String> getProperties() {
        // the console opens the live stream once signed in
        super.properties + ['citygrid.live.enabled': 'true', 'citygrid.web.tile-hosts': 'https://tiles.example.org']
    }

    def setupSpec() {
        assert CHROMEDRIVER.canExecute() && CHROMIUM.exists():
                'the browser test needs Debian\'s chromium and chromium-driver (./gridcity installs them)'
        def service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build()
        def options = new ChromeOptions()
        options.setBinary(CHROMIUM)
        options.addArguments('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--window-size=1400,900',
                '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--lang=en-US')
        options.setCapability('goog:loggingPrefs', ['browser': 'ALL'])
        driver = new ChromeDriver(service, options)
    }

    def cleanupSpec() {
        driver?.quit()
    }

    def "#what carries the browser headers"() {
        when:
        def response = exchange(HttpRequest.GET(path))

        then:
        response.status.code == status
        response.header('Content-Security-Policy') == POLICY
        response.header('X-Content-Type-Options') == 'nosniff'
        response.header('Referrer-Policy') == 'no-referrer'
        response.header('X-Frame-Options') == 'DENY'

        where:
        what                          | path                                 || status
        'the console\'s page'         | '/console/index.html'                || 200
        'a console script'            | '/console/console.js'                || 200
        'the Swagger UI page'         | '/swagger-ui/index.html'             || 200
        'a Swagger UI file'           | '/swagger-ui/res/swagger-ui-bundle.js' || 200
        'the OpenAPI document'        | '/swagger/citygrid-mobile-api.yml'   || 200
        'an API answer'               | '/open311/v2/services.json'          || 200
        'a refusal by the security'   | '/api/v1/accounts/me'                || 401
        'health'                      | '/manage/health'                     || 200
    }

    def "the console, signed in with its map drawn and its live stream on, breaks no rule of its policy"() {
        given:
        def operator = user(Role.OPERATOR)

        when:
        driver.get("${server.URL}/console/")
        driver.findElement(By.id('username')).sendKeys(operator.username)
        driver.findElement(By.id('password')).sendKeys(operator.password)
        driver.findElement(By.id('signin-submit')).click()

        then:
        waitFor { driver.findElement(By.tagName('body')).getAttribute('data-view') == 'map' }
        waitFor { driver.findElement(By.id('map')).getAttribute('data-map') == 'ready' }
        waitFor { driver.findElement(By.id('live')).getAttribute('data-state') == 'on' }
        violations() == []
    }

    def "the Swagger UI shows the API's operations and breaks no rule of its policy"() {
        when:
        driver.get("${server.URL}/swagger-ui/index.html")

        then:
        waitFor { driver.findElements(By.cssSelector('.opblock')).size() > 20 }
        driver.findElement(By.cssSelector('.info .title')).text.contains('CityGrid mobile API')
        violations() == []
    }

    def "no page of this server can be framed by another site"() {
        when: 'a page elsewhere tries to frame the console'
        driver.get("data:text/html,<iframe src='${server.URL}/console/'></iframe>")
        Thread.sleep(1000)

        then: 'the browser refuses, naming frame-ancestors'
        logs().any { it.message.contains("frame-ancestors 'none'") }
    }

    /** The browser's log entries since the last call that are CSP refusals. */
    private List<String> violations() {
        logs().findAll { it.message.contains('Content Security Policy') || it.message.contains('Refused to') }*.message
    }

    private List<LogEntry> logs() {
        driver.manage().logs().get('browser').all
    }

    private void waitFor(Closure<?> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException)
                .until({ d -> condition() ? true : null } as Function)
    }
}
