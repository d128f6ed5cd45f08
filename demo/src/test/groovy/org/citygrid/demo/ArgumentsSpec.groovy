package org.citygrid.demo

import spock.lang.Specification

/** The demo commands' options, as a user mistypes them: each mistake is named with what the option wants. */
class ArgumentsSpec extends Specification {

    def "#line read as #read: #expected"() {
        given:
        def args = new Arguments(line, 'usage: ...')
        String option = args.next()

        when:
        def value = read(args, option)

        then:
        value == expected

        where:
        line                      | read                                   || expected
        ['--rate', '2.5']         | { a, o -> a.aboveZero(o) }             || 2.5d
        ['--down', '0']           | { a, o -> a.zeroOrMore(o) }            || 0d
        ['--sensors', '10_000']   | { a, o -> a.atLeast(o, 1) }            || 10_000
        ['--data', 'some/where']  | { a, o -> a.value(o) }                 || 'some/where'
    }

    def "#line read as #what is refused: #message"() {
        given:
        def args = new Arguments(line, 'usage: ...')
        String option = args.next()

        when:
        read(args, option)

        then:
        def e = thrown(DemoException)
        e.message == message

        where:
        line                        | what            | read                            || message
        ['--data']                  | 'a value'       | { a, o -> a.value(o) }          || '--data needs a value\nusage: ...'
        ['--data', '--fresh']       | 'a value'       | { a, o -> a.value(o) }          || '--data needs a value\nusage: ...'
        ['--rate', '0']             | 'above 0'       | { a, o -> a.aboveZero(o) }      || '--rate must be above 0, not 0'
        ['--rate', 'fast']          | 'above 0'       | { a, o -> a.aboveZero(o) }      || "--rate wants a number, not 'fast'"
        ['--rate', 'NaN']           | 'above 0'       | { a, o -> a.aboveZero(o) }      || '--rate must be above 0, not NaN'
        ['--down', '-1']            | 'zero or more'  | { a, o -> a.zeroOrMore(o) }     || '--down must not be below 0, not -1'
        ['--sensors', '0']          | 'at least 1'    | { a, o -> a.atLeast(o, 1) }     || '--sensors must be at least 1, not 0'
        ['--sensors', '2.5']        | 'a whole number'| { a, o -> a.atLeast(o, 1) }     || "--sensors wants a whole number, not '2.5'"
    }

    def "a command without a usage text says only what is missing"() {
        when:
        new Arguments(['--hold'], '').with { it.value(it.next()) }

        then:
        def e = thrown(DemoException)
        e.message == '--hold needs a value'
    }
}
