package org.citygrid.api.open311

import org.citygrid.api.errors.Invalid
import org.citygrid.api.errors.Malformed
import org.citygrid.api.validation.CityArea
import spock.lang.Specification

/** The parts of an Open311 POST on plain objects: its form and its token (GeoReportSpec posts through HTTP). */
class GeoReportIntakeSpec extends Specification {

    CityArea beijing = new CityArea('115.42,39.44,117.51,41.06')

    def "the form's lat and long are a WGS 84 position in the city, and its description plain text by grid-model's TextRules"() {
        when:
        def form = Open311Form.check([lat: '39.91449', long: '116.40325', description: 'loose cover', email: 'a@b.c'], beijing)

        then:
        form.position().lon() == 116.40325d
        form.position().lat() == 39.91449d
        form.description() == 'loose cover'
    }

    def "a form with #what is refused: #message"() {
        when:
        Open311Form.check(form, beijing)

        then:
        def e = thrown(kind)
        e.detail() == message

        where:
        what                  | form                                                         || kind      | message
        'no position'         | [address_string: 'Dongcheng']                                || Malformed | 'lat and long are required (address_string and address_id alone are not geocoded)'
        'words for degrees'   | [lat: 'north', long: 'east']                                 || Malformed | 'lat and long must be decimal degrees'
        'Shanghai'            | [lat: '31.23', long: '121.47']                               || Invalid   | 'position: outside the managed city (lon 115.42..117.51, lat 39.44..41.06 in WGS 84)'
        'script'              | [lat: '39.9', long: '116.4', description: '<script>x</script>'] || Invalid | 'description 只接受纯文本：第 1 个字符起像是标记或脚本（“<”后接字母、“/”、“!”或“?”，或“javascript:”），请改写 / description takes plain text only: what starts at character 1 reads as markup or script (\'<\' followed by a letter, \'/\', \'!\' or \'?\', or \'javascript:\'): rewrite it'
    }

    def "a token is derived from client and Idempotency-Key, so a retried POST publishes the same intake id"() {
        expect:
        GeoReportIntake.token('o311-a', 'key-1') == GeoReportIntake.token('o311-a', 'key-1')
        GeoReportIntake.token('o311-a', 'key-1') != GeoReportIntake.token('o311-b', 'key-1')
        GeoReportIntake.token('o311-a', 'key-1') ==~ /o311-[0-9a-f]{16}/
        GeoReportIntake.token('o311-a', null) != GeoReportIntake.token('o311-a', null)
    }
}
