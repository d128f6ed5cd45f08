package org.citygrid.model.text

import static org.citygrid.model.text.TextViolation.Kind.*

import spock.lang.Specification

/** The one text rule set every entry shares: what each field kind takes, refuses and stores. */
class TextRulesSpec extends Specification {

    /** Violations as "KIND@position" (or "KIND" for the whole value), easy to read in a table. */
    static List<String> found(TextRule rule, String value) {
        rule.check(value).collect { it.position() == 0 ? it.kind().name() : "${it.kind()}@${it.position()}".toString() }
    }

    def "a description: #what"() {
        expect:
        found(TextRules.description(), value) == violations

        where:
        what                                              | value                                   || violations
        'Chinese prose with a line feed and a tab'        | '井盖松动，车辆经过时有响声。\n位置：东门\t北侧'   || []
        'exactly 2000 characters'                         | '井' * 2000                              || []
        '2001 characters'                                 | '井' * 2001                              || ['TOO_LONG']
        '2000 emoji: code points, not UTF-16 units'       | '😀' * 2000                             || []
        'a NUL inside (the issue 13 attack)'              | 'x\u0000y'                              || ['CONTROL_CHARACTER@2']
        'the escape character'                            | 'a\u001b[31mred'                        || ['CONTROL_CHARACTER@2']
        'DEL'                                             | 'a\u007f'                               || ['CONTROL_CHARACTER@2']
        'a C1 control (NEL)'                              | 'ab\u0085'                              || ['CONTROL_CHARACTER@3']
        'CR LF from a browser text area'                  | 'one\r\ntwo\rthree'                     || []
        'a right-to-left override'                        | 'invoice \u202Egpj.exe'                 || ['FORMAT_CHARACTER@9']
        'a bidi isolate'                                  | '\u2067x'                               || ['FORMAT_CHARACTER@1']
        'a byte-order mark'                               | '\uFEFFtext'                            || ['FORMAT_CHARACTER@1']
        'a zero-width joiner inside an emoji sequence'    | '👩\u200D🔧 came'                       || []
        'a lone surrogate'                                | 'a\uD800b'                              || ['INVALID_CHARACTER@2']
        'a noncharacter'                                  | 'a\uFFFF'                               || ['INVALID_CHARACTER@2']
        'a script tag'                                    | '<script>alert(1)</script>'             || ['MARKUP@1']
        'a tag in the middle'                             | 'see <b>this</b>'                       || ['MARKUP@5']
        'an end tag, a comment, a processing instruction' | 'x</p><!-- --><?php'                    || ['MARKUP@2']
        'a javascript: link, any case and spacing'        | 'click JavaScript :alert(1)'            || ['MARKUP@7']
        'comparisons, hearts and entities are text'       | 'a < b, 5<=6, <3, &lt;b&gt;'            || []
        'quotes, semicolons and SQL words are text'       | "don't; DROP TABLE cases; 'x'=\"y\""    || []
        'one = two is prose, not an event handler'        | 'one = two, onload=3'                   || []
        'several problems: the first of each kind'        | 'a\u0000b\u0001<b>\u202E'               || ['CONTROL_CHARACTER@2', 'FORMAT_CHARACTER@8', 'MARKUP@5']
        'empty is allowed'                                | ''                                      || []
        'absent is the caller\'s business'                | null                                    || []
    }

    def "a note is a shorter description: 1000 characters"() {
        expect:
        found(TextRules.note(), 'x' * 1000) == []
        found(TextRules.note(), 'x' * 1001) == ['TOO_LONG']
        found(TextRules.note(), 'first\nsecond') == []
    }

    def "a label is one line of at most 64: #what"() {
        expect:
        found(TextRules.label(), value) == violations

        where:
        what              | value        || violations
        'a unit'          | 'deg'        || []
        'a Chinese unit'  | '摄氏度'       || []
        'a line feed'     | 'deg\n'      || ['CONTROL_CHARACTER@4']
        'a CR is one too' | 'deg\rx'     || ['CONTROL_CHARACTER@4']
        'a tab'           | 'm\t'        || ['CONTROL_CHARACTER@2']
        '65 characters'   | 'u' * 65     || ['TOO_LONG']
    }

    def "#rule id #value: #violations"() {
        expect:
        found(TextRules."$rule"(), value) == violations

        where:
        rule         | value                 || violations
        'reporterId' | 'w-1a2b3c4d'          || []
        'reporterId' | 'open311:city-app'    || []
        'reporterId' | 'li.wei@example.cn'   || []
        'reporterId' | 'mc-0042'             || []
        'reporterId' | ''                    || ['EMPTY']
        'reporterId' | 'worker 1'            || ['CHARACTER_NOT_ALLOWED@7']
        'reporterId' | '-leading'            || ['CHARACTER_NOT_ALLOWED@1']
        'reporterId' | 'w\u0000'             || ['CHARACTER_NOT_ALLOWED@2']
        'reporterId' | '网格员'                || ['CHARACTER_NOT_ALLOWED@1']
        'reporterId' | 'w' * 65              || ['TOO_LONG']
        'deviceId'   | 'mc-0042'             || []
        'deviceId'   | 'fd-edge-110101001.2' || []
        'deviceId'   | 'mc:0042'             || ['CHARACTER_NOT_ALLOWED@3']
        'deviceId'   | '_mc'                 || ['CHARACTER_NOT_ALLOWED@1']
        'reportId'   | 'rpt-0001'            || []
        'reportId'   | '.retry_2'            || []
        'reportId'   | 'rpt 1'               || ['CHARACTER_NOT_ALLOWED@4']
        'reportId'   | 'r' * 64              || []
        'reportId'   | 'r' * 65              || ['TOO_LONG']
    }

    def "a violation says in Chinese and English which field, which character and what to fix"() {
        expect:
        TextRules.description().named('text').check(value)*.message() == [message]

        where:
        value       || message
        'x\u0000y'  || 'text 第 2 个字符是控制字符（U+0000），请删除 / text has a control character (U+0000) at character 2: remove it'
        'x' * 2001  || 'text 最多 2000 个字符，现有 2001 个，请删减 / text may have at most 2000 characters, this one has 2001: shorten it'
        'a\u202Eb'  || 'text 第 2 个字符是不可见的格式控制符（U+202E），会让文字显示得与实际不同，请删除 / text has an invisible ' +
                'formatting character (U+202E) at character 2, which makes text read differently from what it is: remove it'
    }

    def "an id's message names its allowed characters, and a one-line field its line break"() {
        expect:
        TextRules.reporterId().check('worker 1')*.message() == ['reporter 只能由字母、数字和 . _ @ : -（以字母或数字开头，1–64 个）组成：' +
                '第 7 个字符（U+0020）不可用 / reporter may only have letters, digits and . _ @ : - (starting with a letter or digit, ' +
                '1 to 64 of them): character 7 (U+0020) is not allowed']
        TextRules.label().named('unit').check('m\n')*.en() == ['unit must be one line: remove the line break or tab (U+000A) at character 2']
    }

    def "messages never quote the value: markup is described, not echoed"() {
        when:
        def message = TextRules.description().check('<img src=x onerror=alert(1)>')[0].message()

        then:
        !message.contains('img')
        !message.contains('onerror')
    }

    def "normalising unifies line breaks and composes characters (NFC), keeping full-width input as typed"() {
        expect:
        TextRules.description().normalise(value) == stored

        where:
        value                 || stored
        'one\r\ntwo\rthree'   || 'one\ntwo\nthree'
        'a\u2028b\u2029c'     || 'a\nb\nc'
        'cafe\u0301'          || 'caf\u00e9'
        'ＡＢＣ１２３：，'          || 'ＡＢＣ１２３：，'
        null                  || null
    }

    def "ids are taken exactly as sent"() {
        expect:
        TextRules.deviceId().normalise('cafe\u0301') == 'cafe\u0301'
    }

    def "accept returns the value to store, or throws with every violation"() {
        expect:
        TextRules.description().accept('a\r\nb') == 'a\nb'
        TextRules.description().accept(null) == null

        when:
        TextRules.description().named('text').accept('x\u0000<b>')

        then:
        def e = thrown(TextRejectedException)
        e.violations()*.kind() == [CONTROL_CHARACTER, MARKUP]
        e.message.startsWith('text 第 2 个字符是控制字符（U+0000），请删除 / text has a control character')
        e.message.contains('; text 只接受纯文本')
    }

    def "length is checked after normalisation: a decomposed text that composes to the limit fits"() {
        given: '2000 characters as typed with combining accents: 4000 code points before NFC'
        def decomposed = 'e\u0301' * 2000

        expect:
        found(TextRules.description(), decomposed) == []
    }
}
