package org.citygrid.api.photos

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.Images
import org.citygrid.api.testkit.TestStack
import org.citygrid.model.cases.Role

@MicronautTest
class PhotosSpec extends ApiSpec {

    def "a JPEG upload is stored and given a ref"() {
        given:
        def resident = user(Role.RESIDENT)

        when:
        def response = exchange(HttpRequest.POST('/api/v1/photos', Images.jpeg(7)).contentType('image/jpeg')
                .bearerAuth(resident.accessToken))

        then:
        response.status.code == 201
        response.body().ref.startsWith('photo/')
        response.body().mediaType == 'image/jpeg'
    }

    def "the same bytes uploaded twice are one photo"() {
        given:
        def resident = user(Role.RESIDENT)

        expect:
        photo(resident, Images.jpeg(42)) == photo(resident, Images.jpeg(42))
    }

    def "an upload whose content is not what it claims is refused with 415 and not stored"() {
        given:
        def resident = user(Role.RESIDENT)

        when:
        def response = exchange(HttpRequest.POST('/api/v1/photos', bytes).contentType(claimed).bearerAuth(resident.accessToken))

        then:
        response.status.code == 415
        response.body().type == "urn:citygrid:problem:${problem}"
        TestStack.instance.rows('SELECT count(*) AS n FROM api.photos WHERE owner_id = ?', [resident.id])[0].n == 0

        where:
        claimed                    | bytes            || problem
        'image/jpeg'               | Images.png()     || 'photo-type-mismatch'
        'image/jpeg'               | Images.script()  || 'not-an-image'
        'application/octet-stream' | ('MZ' * 10).bytes  || 'not-an-image'
    }

    def "a photo over the size limit is refused with 413"() {
        given:
        def resident = user(Role.RESIDENT)
        byte[] big = (Images.jpeg().toList() + [0 as byte] * 5000) as byte[]

        when:
        def response = exchange(HttpRequest.POST('/api/v1/photos', big).contentType('image/jpeg').bearerAuth(resident.accessToken))

        then:
        response.status.code == 413
    }

    def "a photo sent with nothing is its owner's alone (PhotoAccessSpec: photos on cases)"() {
        given:
        def owner = user(Role.RESIDENT)
        def other = user(Role.RESIDENT)
        def operator = user(Role.OPERATOR)
        def id = photo(owner).substring('photo/'.length())

        expect:
        get(other, "/api/v1/photos/${id}").status.code == 404
        get(operator, "/api/v1/photos/${id}").status.code == 404
        get(owner, "/api/v1/photos/${id}").status.code == 200
    }
}
