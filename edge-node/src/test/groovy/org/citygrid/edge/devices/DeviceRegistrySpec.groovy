package org.citygrid.edge.devices

import groovy.json.JsonOutput
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** The registry file refuses entries the node could not use safely, naming the device, before any of them is used. */
class DeviceRegistrySpec extends Specification {

    static final String HOOD = '110101001001'

    @TempDir
    Path dir

    static Map fieldDevice(Map overrides = [:]) {
        [id: 'fd-01', pskIdentity: 'fd-01', key: 'a-key-of-16-bytes', sensorType: null, position: null,
         neighbourhood: HOOD, revoked: false] + overrides
    }

    static Map sensor(Map overrides = [:]) {
        [id: 'mc-0042', pskIdentity: 'mc-0042', key: 'a-key-of-16-bytes', sensorType: 'manhole-tilt',
         position: [lon: 116.4033, lat: 39.9146], neighbourhood: HOOD, revoked: false] + overrides
    }

    DeviceRegistry read(List<Map> devices) {
        def file = dir.resolve('devices.json')
        Files.writeString(file, JsonOutput.toJson(devices))
        DeviceRegistry.read(file, HOOD)
    }

    def "a registry is refused for #problem, with a message naming the device"() {
        when:
        read(devices)

        then:
        def e = thrown(Exception)
        (e.cause ?: e).message.contains(message)

        where:
        problem                                | devices                                                          || message
        'a key of 15 bytes'                    | [sensor(key: '123456789012345')]                                 || 'device mc-0042: its pre-shared key is 15 bytes, it must be at least 16'
        'a key of 5 Chinese characters'        | [fieldDevice(key: '钥匙钥匙钥')]                                     || 'device fd-01: its pre-shared key is 15 bytes'
        'a short key on another neighbourhood' | [sensor(), sensor(id: 'mc-next', key: 'short', neighbourhood: 'x')] || 'device mc-next: its pre-shared key is 5 bytes'
        'a worker id with a space'             | [fieldDevice(workers: ['li wei'])]                               || 'device fd-01 links worker li wei, which is not a user id'
        'a worker linked twice'                | [fieldDevice(workers: ['w-1', 'w-1'])]                           || 'device fd-01 links worker w-1 twice'
        'workers on a sensor'                  | [sensor(workers: ['w-1'])]                                       || 'sensor mc-0042 cannot have workers'
        'a device id with a colon'             | [sensor(id: 'mc:42')]                                            || 'device id mc:42 is not valid'
        'an unknown field'                     | [sensor(owner: 'me')]                                            || 'owner'
    }

    def "a key of exactly 16 bytes is taken, and a field device's workers are the reporters it may name"() {
        when:
        def registry = read([sensor(key: '1234567890123456'), fieldDevice(workers: ['w-1a2b3c4d', 'li.wei@example.cn'])])
        def fd = registry.byId('fd-01').get()

        then:
        registry.size() == 2
        fd.workers() == ['w-1a2b3c4d', 'li.wei@example.cn']
        fd.mayReportFor('li.wei@example.cn')
        fd.mayReportFor('fd-01')
        !fd.mayReportFor('w-99999999')
        registry.byId('mc-0042').get().workers() == []
    }

    def "revoked devices are left out of the devices that may start a session"() {
        expect:
        read([sensor(), fieldDevice(revoked: true)]).active()*.id() == ['mc-0042']
    }
}
