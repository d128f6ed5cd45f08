package org.citygrid.api.security

import spock.lang.Specification

/**
 * What the Content-Security-Policy (web/BrowserHeaders) would refuse, looked for in the files of every page
 * this server serves (the desk console, the phone app, the Swagger UI's start page), vendored libraries
 * aside: BrowserPagesSpec finds a refusal only on the paths its walk takes, this finds one anywhere.
 */
class PageFilesSpec extends Specification {

    static final File RESOURCES = new File('src/main/resources')
    static final List<String> PAGES = ['console', 'app', 'swagger-page']

    static List<File> files(String ext) {
        PAGES.collectMany { page ->
            def found = []
            new File(RESOURCES, page).eachFileRecurse { if (it.name.endsWith(ext) && !it.path.contains('/vendor/')) found << it }
            found
        }
    }

    def "#page has no inline script, inline style, on… handler, javascript: URL or policy of its own (the server's is the one)"() {
        given:
        def html = new File(RESOURCES, page).text

        expect:
        !(html =~ /<script(?![^>]*\bsrc=)[^>]*>/)
        !(html =~ /(?i)\sstyle\s*=/)
        !(html =~ /(?i)<style/)
        !(html =~ /(?i)\son[a-z]+\s*=/)
        !(html =~ /(?i)javascript:/)
        !(html =~ /(?i)http-equiv/)

        where:
        page << files('.html').collect { RESOURCES.toPath().relativize(it.toPath()).toString() }
    }

    def "no script of a page writes HTML, sets a style attribute, evaluates text or makes a javascript: URL"() {
        expect:
        files('.js').findAll { f ->
            def text = f.text
            ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', "setAttribute('style'", 'cssText',
             'eval(', 'new Function', 'javascript:'].any { text.contains(it) }
        }*.name == []
        files(".js").size() > 30
    }
}
