package org.citygrid.api.map

import org.citygrid.api.errors.Invalid
import org.citygrid.api.errors.Malformed
import spock.lang.Specification

/** One bbox grammar; OGC API answers a bad one 400 invalid-bbox, the console's map 422 invalid-field. */
class BboxSpec extends Specification {

    def "#text is the box #expected"() {
        expect:
        Bbox.ofQuery(text) == expected
        Bbox.ofField(text) == expected

        where:
        text                                  || expected
        '116.39,39.90,116.42,39.93'           || new Bbox(116.39d, 39.90d, 116.42d, 39.93d)
        ' 116.39, 39.90 ,116.42,39.93'        || new Bbox(116.39d, 39.90d, 116.42d, 39.93d)
        '116.39,39.90,0,116.42,39.93,100'     || new Bbox(116.39d, 39.90d, 116.42d, 39.93d)
        '-180,-90,180,90'                     || new Bbox(-180d, -90d, 180d, 90d)
        null                                  || null
        ''                                    || null
    }

    def "#text is refused: #why"() {
        when:
        Bbox.ofQuery(text)

        then:
        def query = thrown(Malformed)
        query.reason() == 'invalid-bbox'
        query.detail() == "bbox=${text}: ${why}"

        when:
        Bbox.ofField(text)

        then:
        def field = thrown(Invalid)
        field.reason() == 'invalid-field'
        field.fieldErrors()*.field() == ['bbox']
        field.fieldErrors()*.message() == [why]

        where:
        text                        || why
        '1,2,3'                     || 'four numbers (minLon,minLat,maxLon,maxLat) or six with heights'
        '1,2,3,4,5'                 || 'four numbers (minLon,minLat,maxLon,maxLat) or six with heights'
        'a,b,c,d'                   || "'a' is not a number"
        'NaN,39.90,116.41,39.91'    || "'NaN' is not a finite number"
        '0,0,200,10'                || 'longitudes are -180..180 and latitudes -90..90 (CRS84)'
        '116.7,40.1,116.8,40'       || 'the lower-left corner must come first'
        '1,1,0,0'                   || 'the lower-left corner must come first'
    }

    def "a box whose west edge lies east of its east edge crosses the antimeridian: OGC API takes it, the console refuses it"() {
        when:
        def box = Bbox.ofQuery('177,65,-177,70')

        then:
        box == new Bbox(177d, 65d, -177d, 70d)
        box.crossesAntimeridian()
        !Bbox.ofQuery('-177,65,177,70').crossesAntimeridian()

        when:
        Bbox.ofField('177,65,-177,70')

        then:
        def field = thrown(Invalid)
        field.fieldErrors()*.message() == ['the lower-left corner must come first']
    }
}
