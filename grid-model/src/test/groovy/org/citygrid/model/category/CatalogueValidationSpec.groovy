package org.citygrid.model.category

import groovy.json.JsonOutput
import java.nio.charset.StandardCharsets
import spock.lang.Specification

/**
 * One feature per validation rule. Each starts from a small valid catalogue, breaks one thing and
 * expects a problem that names the offending entry.
 */
class CatalogueValidationSpec extends Specification {

    def "the small fixture is itself valid"() {
        when:
        def catalogue = load(validDocument())

        then:
        catalogue.categories()*.code()*.toString() == ['C0101', 'E0401', 'S9101']
    }

    def "reports every problem in a file, not just the first"() {
        when:
        CategoryCatalogue.load(getClass().getResourceAsStream('/category/broken-catalogue.json'), 'broken-catalogue.json')

        then:
        def e = thrown(CatalogueValidationException)
        e.problems()*.toString() == [
                'categories[0] (C0101 上水井盖): responsibleDepartment refers to unknown department "WATER_WORKS"',
                'categories[0] (C0101 上水井盖): filingCriteria.en is missing',
                'categories[0] (C0101 上水井盖): timeLimitsHours.handle must be positive, was -4',
                'categories[1] (C0102 污水井盖): unknown sensor type "manhole-lift" (known: manhole-tilt, water-level, smoke, bin-fill, street-lamp, noise)',
                'categories[1] (C0102 污水井盖): duplicate Open311 service code C0101 (first at categories[0])',
        ]
        e.message.startsWith('category catalogue broken-catalogue.json has 5 problems:')
    }

    def "category codes are unique"() {
        given:
        def doc = validDocument()
        doc.categories << copyOf(doc.categories[0]) + [open311: [serviceCode: 'C0101-bis', group: 'Public facilities']]

        expect:
        problemsOf(doc) == ['categories[3] (C0101 上水井盖): duplicate category code C0101 (first at categories[0])']
    }

    def "Open311 service codes are unique"() {
        given:
        def doc = validDocument()
        doc.categories[1].open311.serviceCode = 'C0101'

        expect:
        problemsOf(doc) == ['categories[1] (E0401 路面塌陷): duplicate Open311 service code C0101 (first at categories[0])']
    }

    def "a category's #field must name a department that exists"() {
        given:
        def doc = validDocument()
        mutate(doc.categories[0])

        expect:
        problemsOf(doc) == ["categories[0] (C0101 上水井盖): $message".toString()]

        where:
        field                   | mutate                                                        || message
        'responsibleDepartment' | { it.responsibleDepartment = 'GAS'; it.dispatchOrder << 'GAS' } || 'responsibleDepartment refers to unknown department "GAS"'
        'dispatchOrder'         | { it.dispatchOrder << 'POLICE' }                              || 'dispatchOrder refers to unknown department "POLICE"'
    }

    def "the dispatch order includes the responsible department once"() {
        given:
        def doc = validDocument()
        doc.categories[0].dispatchOrder = dispatchOrder

        expect:
        problemsOf(doc) == ["categories[0] (C0101 上水井盖): $message".toString()]

        where:
        dispatchOrder                                     || message
        ['STREET_OFFICE']                                 || 'dispatchOrder must include the responsible department WATER_SUPPLY'
        ['WATER_SUPPLY', 'STREET_OFFICE', 'WATER_SUPPLY'] || 'dispatchOrder names WATER_SUPPLY twice'
        []                                                || 'dispatchOrder must name at least one department'
    }

    def "department codes are unique and well-formed"() {
        given:
        def doc = validDocument()
        doc.departments << [code: 'STREET_OFFICE', name: [zh: '街道', en: 'Street'], territorial: 'STREET']
        doc.departments << [code: 'fire', name: [zh: '消防', en: 'Fire'], territorial: 'NONE']

        expect:
        problemsOf(doc) == [
                'departments[4] (STREET_OFFICE): duplicate department code STREET_OFFICE (first at departments[2])',
                'departments[5] (fire): code "fire" must be UPPER_SNAKE_CASE',
        ]
    }

    def "a department's territorial level is known"() {
        given:
        def doc = validDocument()
        doc.departments[3].territorial = 'DISTRICT'

        expect:
        problemsOf(doc) == ['departments[3] (COMMUNITY_COMMITTEE): unknown territorial "DISTRICT" (expected one of NONE, STREET, COMMUNITY)']
    }

    def "major and minor codes are two digits: #major/#minor"() {
        given:
        def doc = validDocument()
        doc.categories[0].major = major
        doc.categories[0].minor = minor

        expect:
        problemsOf(doc) == ["categories[0] (C$major$minor 上水井盖): $message".toString()]

        where:
        major | minor || message
        '1'   | '01'  || 'major must be two digits 01..99, was "1"'
        '01'  | '001' || 'minor must be two digits 01..99, was "001"'
        '01'  | '00'  || 'minor must be two digits 01..99, was "00"'
        '0a'  | '01'  || 'major must be two digits 01..99, was "0a"'
    }

    def "a category's major class is declared for its kind"() {
        given:
        def doc = validDocument()
        doc.categories[1].major = '01'   // event 01 exists in the standard but not in this fixture

        expect:
        problemsOf(doc) == ['categories[1] (E0101 路面塌陷): major class EVENT 01 is not declared in majorClasses']
    }

    def "a category's kind is known"() {
        given:
        def doc = validDocument()
        doc.categories[0].kind = 'ASSET'

        expect:
        problemsOf(doc) == ['categories[0] (ASSET 0101 上水井盖): unknown kind "ASSET" (expected one of COMPONENT, EVENT, SERVICE)']
    }

    def "major classes keep to their kind's range: #kind #code"() {
        given:
        def doc = validDocument()
        doc.majorClasses << [kind: kind, code: code, name: [zh: '测试', en: 'Test']]

        expect:
        problemsOf(doc) == ["majorClasses[3] ($kind $code): $message".toString()]

        where:
        kind        | code || message
        'SERVICE'   | '07' || 'service major classes must be 90..99, outside the standard\'s range'
        'COMPONENT' | '91' || 'COMPONENT major classes must be 01..89; 90..99 are reserved for services'
        'EVENT'     | '04' || 'duplicate major class EVENT 04 (first at majorClasses[1])'
    }

    def "time limits are positive and whole minutes: #step = #hours"() {
        given:
        def doc = validDocument()
        doc.categories[1].timeLimitsHours[step] = hours

        expect:
        problemsOf(doc) == ["categories[1] (E0401 路面塌陷): $message".toString()]

        where:
        step       | hours || message
        'handle'   | 0     || 'timeLimitsHours.handle must be positive, was 0'
        'file'     | -0.5  || 'timeLimitsHours.file must be positive, was -0.5'
        'check'    | 0.01  || 'timeLimitsHours.check must be a whole number of minutes, was 0.01 h'
        'dispatch' | null  || 'timeLimitsHours.dispatch is missing'
    }

    def "Chinese and English text is present: #path"() {
        given:
        def doc = validDocument()
        mutate(doc)

        expect:
        problemsOf(doc) == [message]

        where:
        path                         | mutate                                        || message
        'category name.zh'           | { it.categories[2].name.zh = ' ' }             || 'categories[2] (S9101): name.zh is missing'
        'category name.en'           | { it.categories[2].name.remove('en') }         || 'categories[2] (S9101 居家报修): name.en is missing'
        'category filingCriteria'    | { it.categories[2].remove('filingCriteria') }  || 'categories[2] (S9101 居家报修): filingCriteria is missing (needs zh and en)'
        'department name.en'         | { it.departments[0].name.en = '' }             || 'departments[0] (WATER_SUPPLY): name.en is missing'
        'major class name.zh'        | { it.majorClasses[2].name.zh = null }          || 'majorClasses[2] (SERVICE 91): name.zh is missing'
    }

    def "sensor types are the known ones"() {
        given:
        def doc = validDocument()
        doc.categories[0].sensorTypes = ['manhole-tilt', 'vibration']

        expect:
        problemsOf(doc) == ['categories[0] (C0101 上水井盖): unknown sensor type "vibration" (known: manhole-tilt, water-level, smoke, bin-fill, street-lamp, noise)']
    }

    def "auto-filing channels are the ones that may skip review"() {
        given:
        def doc = validDocument()
        doc.categories[0].autoFiling = ['PATROL', 'RESIDENT']

        expect:
        problemsOf(doc) == ['categories[0] (C0101 上水井盖): unknown autoFiling channel "RESIDENT" (expected one of SENSOR, PATROL)']
    }

    def "sensor auto-filing needs a sensor type that raises the category"() {
        given:
        def doc = validDocument()
        doc.categories[1].autoFiling = ['SENSOR']

        expect:
        problemsOf(doc) == ['categories[1] (E0401 路面塌陷): autoFiling includes SENSOR but no sensorTypes raise this category']
    }

    def "SLA clock, priority and code source are known values"() {
        given:
        def doc = validDocument()
        doc.categories[1].slaClock = 'ALWAYS'
        doc.categories[1].priority = 'CRITICAL'
        doc.categories[1].codeSource = 'GUESSED'

        expect:
        problemsOf(doc) == [
                'categories[1] (E0401 路面塌陷): unknown slaClock "ALWAYS" (expected one of WORKING, ROUND_THE_CLOCK)',
                'categories[1] (E0401 路面塌陷): unknown priority "CRITICAL" (expected one of URGENT, HIGH, NORMAL, LOW)',
                'categories[1] (E0401 路面塌陷): unknown codeSource "GUESSED" (expected one of CONFIRMED, SINGLE_SOURCE, UNVERIFIED, LOCAL)',
        ]
    }

    def "the Open311 entry has a service code and a group"() {
        given:
        def doc = validDocument()
        doc.categories[2].open311 = [serviceCode: '', group: 'Resident services']

        expect:
        problemsOf(doc) == ['categories[2] (S9101 居家报修): open311.serviceCode is missing']
    }

    def "formats 1 and 2 are understood, no other"() {
        given:
        def doc = validDocument()
        doc.formatVersion = 3

        expect:
        problemsOf(doc) == ['catalogue: formatVersion must be 1 or 2, was 3']
    }

    def "a format 1 file loads: its verification limit is its check limit, its closing limit its filing limit, no closing criteria"() {
        when:
        def collapse = load(validDocument()).byCode('E0401').orElseThrow()

        then:
        collapse.timeLimits().verify() == TimeLimit.parse('1h')
        collapse.timeLimits().close() == TimeLimit.parse('0.5h')
        collapse.closingCriteria() == null
        collapse.timeLimitSource() == null
    }

    def "the format 2 fixture is valid, and writes back as itself"() {
        given:
        def catalogue = load(validDocumentV2())
        def out = new ByteArrayOutputStream()

        when:
        catalogue.writeTo(out)

        then:
        CategoryCatalogue.load(new ByteArrayInputStream(out.toByteArray()), 'written') == catalogue
        catalogue.byCode('C0101').orElseThrow().timeLimits().handle() == TimeLimit.parse('15wd')
        catalogue.byCode('C0101').orElseThrow().timeLimitSource() == 'CITY-RULE'
        catalogue.source('CITY-RULE').orElseThrow().title() == '某市立案结案标准'
        catalogue.extensionApproval().tiers()*.approver()*.name() == ['DISPATCHER', 'LEADER']
    }

    def "format 2 checks limits, sources, closing criteria and approval tiers: #problem"() {
        given:
        def doc = validDocumentV2()
        mutate(doc)

        expect:
        problemsOf(doc) == [problem]

        where:
        mutate                                                                  || problem
        ({ d -> d.categories[0].timeLimits.handle = '15 days' })                || 'categories[0] (C0101 上水井盖): timeLimits.handle: a time limit is hours like "4h" or "0.5h", or working days like "15wd"; not "15 days"'
        ({ d -> d.categories[1].timeLimits.handle = '1wd' })                    || 'categories[1] (E0401 路面塌陷): timeLimits.handle is 1wd, but a round-the-clock category counts hours, not working days'
        ({ d -> d.categories[0].timeLimits.check = '0.01h' })                   || 'categories[0] (C0101 上水井盖): timeLimits.check must be whole minutes (hours) or whole or half working days, was 0.01h'
        ({ d -> d.categories[0].timeLimits.handle = '0.3wd' })                  || 'categories[0] (C0101 上水井盖): timeLimits.handle must be whole minutes (hours) or whole or half working days, was 0.3wd'
        ({ d -> d.categories[0].timeLimits.remove('close') })                   || 'categories[0] (C0101 上水井盖): timeLimits.close is missing'
        ({ d -> d.categories[0].timeLimitSource = 'NOWHERE' })                  || 'categories[0] (C0101 上水井盖): timeLimitSource refers to unknown source "NOWHERE"'
        ({ d -> d.categories[2].remove('closingCriteria') })                    || 'categories[2] (S9101 居家报修): closingCriteria is missing (needs zh and en)'
        ({ d -> d.categories[0].timeLimitsHours = [file: 1, dispatch: 1, handle: 1, check: 1] }) || 'categories[0] (C0101 上水井盖): timeLimitsHours is format 1; format 2 writes timeLimits, e.g. {"handle": "15wd"}'
        ({ d -> d.extensionApproval[1] = [approver: 'LEADER', maxGranted: 3] }) || 'extensionApproval: the last approval tier takes every request: it has no bounds'
        ({ d -> d.extensionApproval[0].approver = 'HANDLER' })                  || 'extensionApproval: extensions are approved by a dispatcher, shift leader or leader, not HANDLER'
        ({ d -> d.sources << [id: 'CITY-RULE', title: 'again'] })               || 'sources[1] (CITY-RULE): duplicate source id CITY-RULE'
    }

    def "a major class the standard numbers carries the standard's name: #kind #code"() {
        given:
        def doc = validDocumentV2()
        doc.majorClasses << [kind: kind, code: code, name: [zh: zh, en: 'Other']]

        expect:
        problemsOf(doc) == ["majorClasses[3] ($kind $code): $kind major class $code is $standard in GB/T 30428.2, not $zh".toString()]

        where:
        kind        | code | zh         || standard
        'COMPONENT' | '07' | '其他部件' || '扩展部件'
        'EVENT'     | '06' | '其他事件' || '扩展事件'
        'EVENT'     | '01' | '市容'     || '市容环境'
    }

    def "a file that is not JSON of the documented shape stops with its position"() {
        when:
        CategoryCatalogue.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 'bad.json')

        then:
        def e = thrown(CatalogueValidationException)
        e.problems().size() == 1
        e.problems()[0].where().startsWith(where)

        where:
        text                                        || where
        '{"formatVersion": 1, "departments": [}'    || 'line 1, column'
        '{"formatVersion": 1, "departmens": []}'    || 'line 1, column'
        '{"formatVersion": "one"}'                  || 'line 1, column'
    }

    def "an omitted code source means unverified"() {
        given:
        def doc = validDocument()
        doc.categories[1].remove('codeSource')

        expect:
        load(doc).byCode('E0401').get().codeSource() == CodeSource.UNVERIFIED
    }

    // ---- fixture ----

    private static Map validDocument() {
        [
                formatVersion: 1,
                departments  : [
                        [code: 'WATER_SUPPLY', name: [zh: '自来水', en: 'Water supply'], territorial: 'NONE'],
                        [code: 'MUNICIPAL_ROADS', name: [zh: '市政道路', en: 'Municipal roads'], territorial: 'NONE'],
                        [code: 'STREET_OFFICE', name: [zh: '街道办事处', en: 'Street office'], territorial: 'STREET'],
                        [code: 'COMMUNITY_COMMITTEE', name: [zh: '社区居委会', en: "Residents' committee"], territorial: 'COMMUNITY'],
                ],
                majorClasses : [
                        [kind: 'COMPONENT', code: '01', name: [zh: '公用设施', en: 'Public facilities']],
                        [kind: 'EVENT', code: '04', name: [zh: '突发事件', en: 'Emergencies']],
                        [kind: 'SERVICE', code: '91', name: [zh: '居民服务', en: 'Resident services']],
                ],
                categories   : [
                        category('COMPONENT', '01', '01', '上水井盖', 'Water-supply manhole cover', 'WATER_SUPPLY',
                                ['WATER_SUPPLY', 'STREET_OFFICE'], 'WORKING', ['SENSOR', 'PATROL'], ['manhole-tilt'], 'C0101'),
                        category('EVENT', '04', '01', '路面塌陷', 'Road collapse', 'MUNICIPAL_ROADS',
                                ['MUNICIPAL_ROADS', 'STREET_OFFICE'], 'ROUND_THE_CLOCK', ['PATROL'], [], 'E0401'),
                        category('SERVICE', '91', '01', '居家报修', 'Home repair request', 'COMMUNITY_COMMITTEE',
                                ['COMMUNITY_COMMITTEE'], 'WORKING', [], [], 'S9101'),
                ],
        ]
    }

    private static Map category(String kind, String major, String minor, String zh, String en, String department,
                                List dispatchOrder, String clock, List autoFiling, List sensorTypes, String serviceCode) {
        [
                kind                 : kind, major: major, minor: minor,
                name                 : [zh: zh, en: en],
                responsibleDepartment: department,
                dispatchOrder        : dispatchOrder,
                filingCriteria       : [zh: '立案标准', en: 'Filing criteria'],
                timeLimitsHours      : [file: 0.5, dispatch: 0.5, handle: 4, check: 1],
                slaClock             : clock,
                autoFiling           : autoFiling,
                sensorTypes          : sensorTypes,
                priority             : 'NORMAL',
                open311              : [serviceCode: serviceCode, group: 'Group'],
                keywords             : [zh],
                codeSource           : 'CONFIRMED',
        ]
    }

    /** The fixture in format 2: limits in hours or working days, a cited source, closing criteria, two approval tiers. */
    private static Map validDocumentV2() {
        def doc = validDocument()
        doc.formatVersion = 2
        doc.sources = [[id: 'CITY-RULE', title: '某市立案结案标准', url: 'https://example.org/rule']]
        doc.extensionApproval = [[approver: 'DISPATCHER', maxGranted: 0, maxShare: 0.5], [approver: 'LEADER']]
        doc.categories.each { c ->
            c.remove('timeLimitsHours')
            c.timeLimits = [file: '0.5h', verify: '1h', dispatch: '0.5h', handle: '4h', check: '1h', close: '0.5h']
            c.closingCriteria = [zh: '结案标准', en: 'Closing criteria']
        }
        doc.categories[0].timeLimits.handle = '15wd'
        doc.categories[0].timeLimitSource = 'CITY-RULE'
        doc
    }

    private static Map copyOf(Map category) {
        new groovy.json.JsonSlurper().parseText(JsonOutput.toJson(category)) as Map
    }

    private static CategoryCatalogue load(Map document) {
        byte[] json = JsonOutput.toJson(document).getBytes(StandardCharsets.UTF_8)
        CategoryCatalogue.load(new ByteArrayInputStream(json), 'fixture')
    }

    private static List<String> problemsOf(Map document) {
        try {
            load(document)
            return []
        } catch (CatalogueValidationException e) {
            return e.problems()*.toString()
        }
    }
}
