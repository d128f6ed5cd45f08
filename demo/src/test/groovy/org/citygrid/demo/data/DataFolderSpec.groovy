package org.citygrid.demo.data

import java.nio.file.Files
import java.nio.file.Path
import org.citygrid.demo.DemoException
import spock.lang.Specification
import spock.lang.TempDir

class DataFolderSpec extends Specification {
    @TempDir Path tmp

    def "a new folder is made a demo data folder"() {
        when:
        def folder = DataFolder.open(tmp.resolve('demo-data'), false)

        then:
        Files.exists(folder.root().resolve(DataFolder.MARKER))
        Files.isDirectory(folder.root().resolve('logs'))
    }

    def "a folder holding other files is refused, and nothing in it is touched"() {
        given:
        def dir = Files.createDirectories(tmp.resolve('photos'))
        Files.writeString(dir.resolve('holiday.jpg'), 'not ours')

        when:
        DataFolder.open(dir, true)

        then:
        def e = thrown(DemoException)
        e.message.contains('is not a demo data folder')
        Files.readString(dir.resolve('holiday.jpg')) == 'not ours'
    }

    def "an earlier run's data is kept"() {
        given:
        def first = DataFolder.open(tmp.resolve('d'), false)
        Files.writeString(first.file('secrets.json'), '{}')

        when:
        def second = DataFolder.open(tmp.resolve('d'), false)

        then:
        Files.exists(second.file('secrets.json'))
    }

    def "fresh empties an earlier run's folder"() {
        given:
        def first = DataFolder.open(tmp.resolve('d'), false)
        Files.createDirectories(first.kafka().resolve('data'))
        Files.writeString(first.kafka().resolve('data/meta.properties'), 'x')

        when:
        def again = DataFolder.open(tmp.resolve('d'), true)

        then:
        !Files.exists(again.kafka())
        Files.exists(again.root().resolve(DataFolder.MARKER))
    }
}
