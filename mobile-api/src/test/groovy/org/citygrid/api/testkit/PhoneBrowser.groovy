package org.citygrid.api.testkit

import groovy.json.JsonOutput
import org.openqa.selenium.By
import org.openqa.selenium.JavascriptExecutor
import org.openqa.selenium.OutputType
import org.openqa.selenium.WebElement
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions
import org.openqa.selenium.support.ui.WebDriverWait

import javax.imageio.ImageIO
import java.awt.Color
import java.awt.Font
import java.awt.image.BufferedImage
import java.time.Duration

/**
 * Debian's Chromium (never a downloaded browser) emulating a phone, 390 × 844 CSS pixels, touch, a
 * mobile user agent and Chinese as its language, driven through chromedriver, with what the phone specs
 * need from the DevTools protocol: the position its geolocation reports, the network cut off (for the
 * page and its service worker alike) or throttled, and a camera replaced by a picture file.
 */
class PhoneBrowser implements Closeable {

    static final File CHROMEDRIVER = new File('/usr/bin/chromedriver')
    static final File CHROMIUM = new File('/usr/bin/chromium')
    /** Android Chrome's, so that the page sees a phone. */
    static final String USER_AGENT = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) ' +
            'Chrome/156.0.0.0 Mobile Safari/537.36'

    final ChromeDriver driver
    private final File pictures = File.createTempDir('phone-camera', '')

    PhoneBrowser(String language = 'zh-CN') {
        assert CHROMEDRIVER.canExecute() && CHROMIUM.exists():
                'the phone specs need Debian\'s chromium and chromium-driver (./gridcity installs them)'
        def service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build()
        def options = new ChromeOptions()
        options.setBinary(CHROMIUM)
        // WebGL without a GPU (MapLibre): ANGLE on SwiftShader, the software renderer chromium ships
        options.addArguments('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', "--lang=${language}".toString(),
                '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader')
        options.setExperimentalOption('prefs', ['intl.accept_languages': language])
        options.setExperimentalOption('mobileEmulation', [
                deviceMetrics: [width: 390, height: 844, pixelRatio: 2.0, touch: true], userAgent: USER_AGENT])
        options.setCapability('goog:loggingPrefs', ['browser': 'ALL'])
        driver = new ChromeDriver(service, options)
        cdp('Network.enable')
    }

    Map cdp(String command, Map params = [:]) {
        driver.executeCdpCommand(command, params)
    }

    void open(String url) {
        driver.get(url)
    }

    WebElement el(String id) {
        driver.findElement(By.id(id))
    }

    List<WebElement> all(String css) {
        driver.findElements(By.cssSelector(css))
    }

    Object js(String script, Object... args) {
        ((JavascriptExecutor) driver).executeScript(script, args)
    }

    /** Waits until {@code condition} is truthy (exceptions count as not yet), 30 s at most. */
    def <T> T waitFor(int seconds = 30, Closure<T> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).ignoring(RuntimeException).until { condition() }
    }

    String screen() {
        driver.findElement(By.tagName('body')).getAttribute('data-screen')
    }

    void tap(String id) {
        def e = el(id)
        js('arguments[0].scrollIntoView({block: "center"})', e)
        e.click()
    }

    void type(String id, String text) {
        def e = el(id)
        e.clear()
        e.sendKeys(text)
    }

    /** Grants geolocation to the app's origin and makes the phone be at this WGS 84 point. */
    void standAt(String origin, double lon, double lat, double accuracy = 8) {
        cdp('Browser.grantPermissions', [origin: origin, permissions: ['geolocation']])
        cdp('Emulation.setGeolocationOverride', [latitude: lat, longitude: lon, accuracy: accuracy])
    }

    /**
     * "Takes a photo": the camera input (accept=image/*, capture=environment) is given a real JPEG file,
     * as the phone's camera would hand one over.
     */
    void photograph(String inputId, String label = 'photo') {
        def file = new File(pictures, "${label}-${System.nanoTime()}.jpg")
        def image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB)
        def g = image.createGraphics()
        g.color = new Color(0x6b, 0x7b, 0x8c)
        g.fillRect(0, 0, 800, 600)
        g.color = new Color(0x22, 0x22, 0x22)
        g.fillOval(250, 150, 300, 300)
        g.color = Color.WHITE
        g.font = new Font(Font.SANS_SERIF, Font.BOLD, 40)
        g.drawString(label, 40, 80)
        g.dispose()
        ImageIO.write(image, 'jpg', file)
        el(inputId).sendKeys(file.absolutePath)
    }

    /**
     * Cuts the network off, or gives it back: for the page and for its service worker, which the DevTools
     * protocol treats as another target (the page's emulation alone would let the worker still fetch).
     */
    void offline(boolean off) {
        def conditions = [offline: off, latency: 0, downloadThroughput: -1, uploadThroughput: -1]
        cdp('Network.emulateNetworkConditions', conditions)
        workers().each { String session ->
            send(session, 'Network.enable', [:])
            send(session, 'Network.emulateNetworkConditions', conditions)
        }
    }

    /** DevTools' "Slow 3G": 400 ms × 5 latency, 500 kbit/s × 0.8 each way. */
    void slow3g() {
        cdp('Network.emulateNetworkConditions', [offline: false, latency: 2000, downloadThroughput: 50000, uploadThroughput: 50000])
    }

    void fastNetwork() {
        cdp('Network.emulateNetworkConditions', [offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1])
    }

    /** Sessions attached to the page's service workers (commands to them go through Target.sendMessageToTarget). */
    private List<String> workers() {
        (cdp('Target.getTargets').targetInfos as List<Map>).findAll { it.type == 'service_worker' }.collect {
            cdp('Target.attachToTarget', [targetId: it.targetId, flatten: false]).sessionId as String
        }
    }

    private int messages = 0

    private void send(String session, String method, Map params) {
        cdp('Target.sendMessageToTarget', [sessionId: session, message: JsonOutput.toJson([id: ++messages, method: method, params: params])])
    }

    /** The page's console messages so far. */
    List<String> log() {
        driver.manage().logs().get('browser').all.collect { it.toString() }
    }

    void screenshot(File file) {
        file.parentFile.mkdirs()
        file.bytes = driver.getScreenshotAs(OutputType.BYTES)
    }

    @Override
    void close() {
        driver?.quit()
        pictures.deleteDir()
    }
}
