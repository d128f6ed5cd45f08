package org.citygrid.edge.config

import groovy.json.JsonOutput
import java.nio.file.Files
import spock.lang.Specification
import spock.lang.TempDir

/** An edge node's {@code kafka} settings as its config file gives them: the intake topic unless it names another. */
class KafkaSettingsSpec extends Specification {

    @TempDir
    java.nio.file.Path dir

    def "kafka.topic #given gives topic #topic"() {
        given:
        def kafka = [bootstrapServers: '127.0.0.1:9092'] + (given == 'absent' ? [:] : [topic: given])
        def file = dir.resolve('edge.json')
        Files.writeString(file, JsonOutput.toJson([
                nodeId       : 'edge-dc01',
                neighbourhood: [id: '110101001001', centre: [lon: 116.40321, lat: 39.91452], radiusMetres: 1500],
                devicesFile  : 'devices.json', rulesFile: 'rules.json', dataDir: 'data',
                kafka        : kafka]))

        expect:
        EdgeConfig.load(file).kafka().topic() == topic

        where:
        given                 || topic
        'absent'              || 'grid.intake'
        ''                    || 'grid.intake'
        'staging.grid.intake' || 'staging.grid.intake'
    }
}
