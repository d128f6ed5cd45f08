package org.citygrid.bench.testing

import java.nio.file.Files
import java.nio.file.Path

/**
 * Where the live benchmark specs run: the checkout (whose modules' builds they start) and a folder of each spec's
 * own under bench/target, not /tmp: when the tests run as root PostgreSQL runs as user postgres, which must be able to
 * reach the folder (spock's @TempDir is private to its owner).
 */
final class BenchFolders {
    /** The checkout: Surefire runs in the bench module's folder. */
    static final Path ROOT = Path.of('').toAbsolutePath().parent

    private BenchFolders() {
    }

    /** {@code bench/target/bench-specs/<name>}, its parent made. */
    static Path of(String name) {
        Path dir = ROOT.resolve('bench/target/bench-specs').resolve(name)
        Files.createDirectories(dir.parent)
        dir
    }
}
