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
        def file = rulesFile()
        def stamp = Files.getLastModifiedTime(file)
        def watched = watch(file) { Files.readString(it) }
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
        def file = rulesFile()
        int reads = 0
        def watched = watch(file) { reads++; Files.readString(it) }

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
        def file = rulesFile()
        def watched = watch(file) { p ->
            def text = Files.readString(p)
            if (!text.startsWith('tilt')) {
                throw new IOException("not a rule: ${text}")
            }
            text
        }
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

    /** A rules file holding a threshold of 15. */
    private Path rulesFile() {
        def file = dir.resolve('rules.txt')
        Files.writeString(file, 'tilt > 15')
        file
    }

    /** Watched with a poller that never fires by itself: the features call poll(). */
    private static WatchedFile<String> watch(Path file, Closure<String> read) {
        WatchedFile.watch('rules', file, read as WatchedFile.Reader<String>, Duration.ofHours(1))
    }
}
