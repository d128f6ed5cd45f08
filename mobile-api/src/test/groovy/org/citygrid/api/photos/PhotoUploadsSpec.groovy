package org.citygrid.api.photos

import org.citygrid.api.errors.DomainError
import org.citygrid.api.errors.Malformed
import org.citygrid.api.errors.TooLarge
import org.citygrid.api.errors.Unsupported
import org.citygrid.api.testkit.Images
import spock.lang.Specification

/** What an upload must be, on plain bytes (PhotosSpec uploads through HTTP into PostGIS). */
class PhotoUploadsSpec extends Specification {

    def "#bytes.length bytes declared #declared are a #expected"() {
        expect:
        PhotoUploads.check(bytes, declared, 4096) == expected

        where:
        bytes          | declared                    || expected
        Images.jpeg()  | 'image/jpeg'                || ImageType.JPEG
        Images.jpeg()  | 'image/jpeg; q=0.9'         || ImageType.JPEG
        Images.png()   | 'image/png'                 || ImageType.PNG
        Images.png()   | 'application/octet-stream'  || ImageType.PNG
    }

    def "#what is refused: #reason"() {
        when:
        PhotoUploads.check(bytes, declared, 4096)

        then:
        DomainError e = thrown(kind)
        e.reason() == reason

        where:
        what                          | bytes                                                      | declared                   || kind        | reason
        'nothing'                     | new byte[0]                                                | 'image/jpeg'               || Malformed   | 'empty-photo'
        'one byte over the limit'     | (Images.jpeg().toList() + [0 as byte] * (4097 - Images.jpeg().length)) as byte[] | 'image/jpeg' || TooLarge | 'photo-too-large'
        'a PNG declared as JPEG'      | Images.png()                                               | 'image/jpeg'               || Unsupported | 'photo-type-mismatch'
        'a script declared as JPEG'   | Images.script()                                            | 'image/jpeg'               || Unsupported | 'not-an-image'
        'a Windows program'           | ('MZ' * 10).bytes                                          | 'application/octet-stream' || Unsupported | 'not-an-image'
    }

    def "exactly the limit is kept"() {
        expect:
        PhotoUploads.check((Images.jpeg().toList() + [0 as byte] * (4096 - Images.jpeg().length)) as byte[], 'image/jpeg', 4096) == ImageType.JPEG
    }
}
