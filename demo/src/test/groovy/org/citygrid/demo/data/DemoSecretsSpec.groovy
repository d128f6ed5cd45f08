package org.citygrid.demo.data

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
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

    def "a kept JWT key too short for mobile-api is made afresh; the passwords are kept"() {
        given:
        def file = tmp.resolve('secrets.json')
        Files.writeString(file, '{"jwtSecret": "short-secret", "adminPassword": "admin-kept", "peoplePassword": "demo-kept"}')

        when:
        def secrets = DemoSecrets.loadOrCreate(file)

        then:
        secrets.jwtSecret() ==~ /[0-9a-f]{64}/
        secrets.adminPassword() == 'admin-kept'
        secrets.peoplePassword() == 'demo-kept'
        DemoSecrets.loadOrCreate(file) == secrets
    }

    def "only its owner may read the file"() {
        given:
        def file = tmp.resolve('secrets.json')

        when:
        DemoSecrets.loadOrCreate(file)

        then:
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) == 'rw-------'
    }
}
