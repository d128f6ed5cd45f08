package org.citygrid.api.console

import spock.lang.Specification

/**
 * The console's files as the team keeps them: native ES modules reached from main.js, none over 400
 * lines, no inline script or style (the Content-Security-Policy forbids them), and the Chinese and
 * English labels with the same keys.
 */
class ConsoleFilesSpec extends Specification {

    static final File CONSOLE = new File('src/main/resources/console')
    static final File JS = new File(CONSOLE, 'js')

    def "no file of the console is over 400 lines"() {
        expect:
        [CONSOLE, JS].collectMany { it.listFiles().findAll { it.file } }.every { it.readLines().size() <= 400 }
    }

    def "the page has no inline script or style, and loads its code as modules"() {
        given:
        def html = new File(CONSOLE, 'index.html').text

        expect:
        !(html =~ /<script(?![^>]*\bsrc=)[^>]*>/)
        !(html =~ /\sstyle=/)
        !html.contains('<style')
        !(html =~ /\son[a-z]+=/)
        html.contains('<script type="module" src="js/main.js"></script>')
    }

    def "the modules set no style attribute and write no HTML"() {
        expect:
        JS.listFiles().every { f ->
            def text = f.text
            !text.contains('innerHTML') && !text.contains("setAttribute('style'") && !text.contains('cssText') && !text.contains('eval(')
        }
    }

    def "every module is reached from main.js"() {
        given:
        Set<String> reached = []
        def visit
        visit = { String name ->
            if (reached.add(name)) {
                (new File(JS, name).text =~ /from '\.\/([a-z0-9-]+\.js)'/).each { visit(it[1]) }
            }
        }
        visit('main.js')

        expect:
        reached == JS.listFiles()*.name as Set
    }

    def "the Chinese and English labels have the same keys"() {
        given:
        def keys = { String file -> (new File(JS, file).text =~ /'([a-zA-Z0-9_.-]+)':/).collect { it[1] } as Set }

        expect:
        keys('labels-zh.js') == keys('labels-en.js')
        keys('labels-zh.js').size() > 250
    }
}
