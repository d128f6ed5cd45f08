package org.citygrid.api.web

import spock.lang.Specification

/** The policy's text as BrowserHeaders makes it from application.yml's directives and the base map's origins. */
class BrowserHeadersSpec extends Specification {

    static final List<String> DIRECTIVES = ["default-src 'self'", "img-src 'self' data: {base-map}",
                                            "connect-src 'self' {base-map}", "frame-ancestors 'none'"]

    def "the base map's origins, #origins, stand where {base-map} is"() {
        expect:
        BrowserHeaders.policy(DIRECTIVES, origins) == policy

        where:
        origins                                                   || policy
        []                                                        || "default-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
        ['https://t0.tianditu.gov.cn']                            || "default-src 'self'; img-src 'self' data: https://t0.tianditu.gov.cn; connect-src 'self' https://t0.tianditu.gov.cn; frame-ancestors 'none'"
        ['https://a.example.org', 'https://b.example.org:8443']   || "default-src 'self'; img-src 'self' data: https://a.example.org https://b.example.org:8443; connect-src 'self' https://a.example.org https://b.example.org:8443; frame-ancestors 'none'"
    }

    def "a policy that allows #keyword is refused, saying what to do instead"() {
        when:
        BrowserHeaders.policy(["default-src 'self'", "script-src 'self' ${keyword}".toString()], [])

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(keyword)
        e.message.contains('load scripts and styles from files instead')

        where:
        keyword << ["'unsafe-inline'", "'unsafe-eval'"]
    }
}
