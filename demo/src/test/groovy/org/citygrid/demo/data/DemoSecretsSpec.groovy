package org.citygrid.demo.data

import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

class DemoSecretsSpec extends Specification {
    @TempDir Path tmp

    def "secrets are made once per data folder and read back on the next run"() {
        given:
        def file = tmp.resolve('secrets.json')

        when:
        def first = DemoSecrets.loadOrCreate(file)
        def second = DemoSecrets.loadOrCreate(file)

        then:
        second == first
        first.jwtSecret().length() >= 64  // 32 random bytes in hex: the 256 bits mobile-api wants
    }

    def "another data folder gets other secrets"() {
        expect:
        DemoSecrets.loadOrCreate(tmp.resolve('a.json')) != DemoSecrets.loadOrCreate(tmp.resolve('b.json'))
    }
}
