package org.citygrid.edge.config

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.time.Duration
import spock.lang.Specification
import spock.lang.TempDir

/**
 * What the node sees of an edited file. The poll is called by hand: the timing of the poller is not
 * what is under test.
 */
class WatchedFileSpec extends Specification {

    @TempDir
    Path dir

    def "an edit that keeps the size and the modification time is still seen"() {
        given: 'a threshold of 15, watched'
        def file = dir.resolve('rules.txt')
        Files.writeString(file, 'tilt > 15')
        def stamp = Files.getLastModifiedTime(file)
        def watched = WatchedFile.watch('rules', file, { Files.readString(it) } as WatchedFile.Reader<String>, Duration.ofHours(1))
        def changes = []
        watched.onChange { before, after -> changes << [before, after] }

        when: 'it is edited to 20 within the same second, as on a file system with one-second timestamps'
        Files.writeString(file, 'tilt > 20')
        Files.setLastModifiedTime(file, stamp)
        watched.poll()

        then:
        watched.current() == 'tilt > 20'
        changes == [['tilt > 15', 'tilt > 20']]

        cleanup:
        watched?.close()
    }

    def "a file touched without a change is not reloaded"() {
        given:
        def file = dir.resolve('rules.txt')
        Files.writeString(file, 'tilt > 15')
        int reads = 0
        def watched = WatchedFile.watch('rules', file, { reads++; Files.readString(it) } as WatchedFile.Reader<String>, Duration.ofHours(1))

        when:
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 60_000))
        watched.poll()

        then:
        reads == 1
        watched.current() == 'tilt > 15'

        cleanup:
        watched?.close()
    }

    def "a version that does not parse is reported and the last good one stays in force"() {
        given:
        def file = dir.resolve('rules.txt')
        Files.writeString(file, 'tilt > 15')
        def watched = WatchedFile.watch('rules', file, { p ->
            def text = Files.readString(p)
            if (!text.startsWith('tilt')) {
                throw new IOException("not a rule: ${text}")
            }
            text
        } as WatchedFile.Reader<String>, Duration.ofHours(1))
        int failures = 0
        watched.onReloadFailure { failures++ }

        when:
        Files.writeString(file, 'garbage!!')
        watched.poll()

        then:
        failures == 1
        watched.current() == 'tilt > 15'

        cleanup:
        watched?.close()
    }
}
