package org.citygrid.api.console

import org.openqa.selenium.By
import org.openqa.selenium.Dimension
import org.openqa.selenium.OutputType
import org.openqa.selenium.StaleElementReferenceException
import org.openqa.selenium.WebElement
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions
import org.openqa.selenium.support.ui.WebDriverWait

import java.time.Duration
import java.util.function.Function

/**
 * Debian's chromium driven through Debian's chromium-driver, headless with WebGL on SwiftShader
 * (never a downloaded browser: the driver is named, so Selenium Manager is never asked), and the
 * helpers the console's browser specs share: waiting, scripts, screenshots with the page's log.
 */
class Browser {

    static final File CHROMEDRIVER = new File('/usr/bin/chromedriver')
    static final File CHROMIUM = new File('/usr/bin/chromium')
    static final File SHOTS = new File('target/screenshots')

    final ChromeDriver driver
    private final String prefix
    private int shot = 0

    /** A browser whose screenshots are named {@code <prefix>-NN-...png}; earlier ones of the prefix are deleted. */
    Browser(String prefix, String language = 'zh-CN') {
        assert CHROMEDRIVER.canExecute() && CHROMIUM.exists():
                'the browser specs need Debian\'s chromium and chromium-driver (./gridcity installs them)'
        this.prefix = prefix
        def service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build()
        def options = new ChromeOptions()
        options.setBinary(CHROMIUM)
        options.addArguments('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--window-size=1440,900',
                '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', "--lang=${language}".toString())
        options.setExperimentalOption('prefs', ['intl.accept_languages': language])
        options.setCapability('goog:loggingPrefs', ['browser': 'ALL'])
        driver = new ChromeDriver(service, options)
        SHOTS.mkdirs()
        SHOTS.listFiles().findAll { it.name.startsWith(prefix + '-') }*.delete()
    }

    void quit() {
        driver.quit()
    }

    /** The viewport at this size in CSS pixels (the window is made that much larger than its inner size). */
    void size(int width, int height) {
        driver.manage().window().size = new Dimension(width, height)
        def inner = js('return [window.innerWidth, window.innerHeight]') as List
        driver.manage().window().size = new Dimension(2 * width - (inner[0] as int), 2 * height - (inner[1] as int))
    }

    /** A picture of the page now, and the page's console messages since the last one. */
    File screenshot(String name) {
        def file = new File(SHOTS, String.format('%s-%02d-%s.png', prefix, ++shot, name.replaceAll(/[^A-Za-z0-9]+/, '-').take(70)))
        file.bytes = driver.getScreenshotAs(OutputType.BYTES)
        new File(SHOTS, prefix + '-browser.log') << logs().join('\n') + '\n'
        file
    }

    List<String> logs() {
        driver.manage().logs().get('browser').all.collect { it.toString() }
    }

    WebElement element(String id) {
        driver.findElement(By.id(id))
    }

    List<WebElement> all(String css) {
        driver.findElements(By.cssSelector(css))
    }

    /**
     * Clicks the first element {@code css} finds, finding it again when the page redrew it between the find and
     * the click (a stale element is never clicked, so nothing is sent twice).
     */
    void click(String css) {
        waitFor { driver.findElement(By.cssSelector(css)).click(); true }
    }

    def js(String script, Object... args) {
        driver.executeScript(script, args)
    }

    def asyncJs(String script, Object... args) {
        driver.executeAsyncScript(script, args)
    }

    /** Waits for the page to catch up (events, the read model, polling); a timeout fails the feature. */
    void waitFor(int seconds = 30, Closure<?> condition) {
        // the page redraws its lists as events arrive: an element found a moment ago may be gone
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException)
                .until({ d -> condition() ? true : null } as Function)
    }

    /** Signs in through the form. */
    void signIn(String username, String password) {
        element('username').clear()
        element('username').sendKeys(username)
        element('password').clear()
        element('password').sendKeys(password)
        element('signin-submit').click()
    }

    /**
     * The page's visible text in Chinese, but for what people wrote, that shows a code without its name: constants like
     * FIRE_RESCUE or HANDLING, channel and state codes, category codes not written after their name
     * as 名称（E0411）, and English words (a few technical words and units excepted).
     */
    List<String> rawCodes(Map<String, String> categoryNames) {
        // what people wrote (descriptions, notes, reasons) is theirs, in whatever words they chose; an English name
        // the page shows beside its Chinese one on purpose (lang="en", the post in the header) is not a code left over
        String text = js('''
            const own = Array.from(document.querySelectorAll('.desc, .note, dd[data-field=description], span[lang=en]'));
            const shown = own.map(e => e.style.display);
            own.forEach(e => { e.style.display = 'none'; });
            const text = document.body.innerText;
            own.forEach((e, i) => { e.style.display = shown[i]; });
            return text;''') as String
        def found = []
        found += (text =~ /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/).collect { it }
        found += (text =~ /\b(REPORTED|FILED|DISPATCHED|IN_PROGRESS|SUSPENDED|HANDLED|CHECK_PASSED|CLOSED|DISMISSED|VOIDED|FILING|DISPATCH|HANDLING|CHECK|PATROL|RESIDENT|SENSOR|OPEN311|HOTLINE|OPERATOR|HANDLER|SYSTEM)\b/).collect { it[0] }
        def codes = text =~ /\b[CES]\d{4}\b/
        while (codes.find()) {
            def name = categoryNames[codes.group()]
            def before = name == null ? '' : text.substring(Math.max(0, codes.start() - name.length() - 1), codes.start())
            if (name == null || before != "${name}（".toString()) {
                found << codes.group()
            }
        }
        found += (text =~ /\b[A-Za-z]{3,}\b/).collect { it }.findAll { !(it in ['CityGrid']) }
        found.unique()
    }
}
