package org.citygrid.api.validation

import org.citygrid.api.errors.DomainError
import org.citygrid.api.errors.Invalid
import org.citygrid.model.text.TextRules
import spock.lang.Specification

/**
 * The API's free text through grid-model's TextRules (the edge node's rules too): what is stored, and the
 * 422 a refusal becomes. Where TextRules differs from the API's old PlainText, the row says so.
 */
class TextsSpec extends Specification {

    def "#what is stored as #stored"() {
        expect:
        Texts.accept(TextRules.description(), text) == stored

        where:
        what                                              | text                     || stored
        'nothing'                                         | null                     || null
        'Chinese prose'                                   | '井盖松动，有响声'         || '井盖松动，有响声'
        'quotes, semicolons and SQL words'                | "x'); DROP TABLE r; --"  || "x'); DROP TABLE r; --"
        'a comparison (PlainText refused "< b")'          | 'a < b and 5<=6'         || 'a < b and 5<=6'
        'an "on...=" outside a tag (PlainText refused it)' | 'onload=1 is fine'       || 'onload=1 is fine'
        'CR LF and a lone CR (PlainText kept CR)'         | "one\r\ntwo\rthree"      || "one\ntwo\nthree"
        'tab and line feed'                               | "a\tb\nc"                || "a\tb\nc"
        'a decomposed é, composed (NFC)'                  | 'caf\u0065\u0301'        || 'caf\u00e9'
        '2,000 Chinese characters'                        | '井' * 2000              || '井' * 2000
        '2,000 emoji: code points, not UTF-16 units'      | '🚧' * 2000              || '🚧' * 2000
    }

    def "#what is refused with a 422 naming the field, in Chinese and English"() {
        when:
        Texts.accept(TextRules.note().named('reason'), text)

        then:
        def e = thrown(Invalid)
        e.reason() == 'invalid-field'
        e.fieldErrors()*.field() == ['reason']
        e.fieldErrors()[0].message() == TextRules.note().named('reason').check(text)[0].message()
        e.fieldErrors()[0].message() =~ /^reason .+ \/ reason .+/
        e.detail() == e.fieldErrors()*.message().join('; ')

        where:
        what                                  | text
        'a tag'                               | '<b>bold</b>'
        'a javascript: link'                  | 'javascript:alert(1)'
        'NUL'                                 | "x\u0000y"
        'a C1 control (PlainText let it in)'  | "x\u0085y"
        'a right-to-left override (too)'      | "abc\u202Edcba"
        'a byte-order mark'                   | "\uFEFFtext"
        '1,001 characters'                    | 'x' * 1001
    }

    def "every violation is one entry, so a person fixes them all at once"() {
        when:
        Texts.accept(TextRules.description(), '<script>' + 'x' * 2000 + '\u0007')

        then:
        def e = thrown(Invalid)
        e.fieldErrors().size() == 3
        e.fieldErrors().every { it == new DomainError.FieldError('description', it.message()) }
    }

    def "a label is one line"() {
        when:
        Texts.accept(TextRules.label().named('title'), "Water off\nTuesday")

        then:
        def e = thrown(Invalid)
        e.fieldErrors()[0].message().startsWith('title 须为单行')
    }
}
