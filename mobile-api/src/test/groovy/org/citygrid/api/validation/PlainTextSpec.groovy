package org.citygrid.api.validation

import org.citygrid.api.errors.Invalid
import spock.lang.Specification

/** Free text is plain text: what passes as written and what is refused with a 422 naming the field. */
class PlainTextSpec extends Specification {

    def "#text passes as written"() {
        expect:
        PlainText.check('description', text, 20) == text

        where:
        text << [null, '', "don't", '5;6', 'DROP TABLE x', '井盖缺失 loose', "two\nlines\tand tab", 'a<3 and 5>2', 'x' * 20]
    }

    def "#what is refused: #message"() {
        when:
        PlainText.check('note', text, 20)

        then:
        def e = thrown(Invalid)
        e.fieldErrors() == [new org.citygrid.api.errors.DomainError.FieldError('note', message)]
        e.detail() == "note: ${message}"

        where:
        what                 | text                               || message
        'too long'           | 'x' * 21                           || 'at most 20 characters'
        'a script tag'       | '<script>'                         || 'plain text only: markup and script are not accepted'
        'a closing tag'      | '</b>'                             || 'plain text only: markup and script are not accepted'
        'a javascript URL'   | 'javascript:alert(1)'              || 'plain text only: markup and script are not accepted'
        'an event handler'   | 'x onerror=y'                      || 'plain text only: markup and script are not accepted'
        'a bell'             | "bell\u0007"                       || 'control characters are not accepted'
        'a NUL'              | "x\u0000y"                         || 'control characters are not accepted'
    }
}
