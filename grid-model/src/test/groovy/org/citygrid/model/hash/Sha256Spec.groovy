package org.citygrid.model.hash

import spock.lang.Specification

class Sha256Spec extends Specification {

    def "hex digests match the published SHA-256 test vectors"() {
        expect:
        Sha256.hex(text) == hex

        where:
        text  | hex
        ''    | 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
        'abc' | 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    }

    def "text is hashed as UTF-8, so Chinese text hashes the same as its UTF-8 bytes"() {
        expect:
        Sha256.hex('井盖缺失') == Sha256.hex('井盖缺失'.getBytes('UTF-8'))
        Sha256.digest('井盖缺失').length == 32
    }
}
