package org.citygrid.demo.testing

import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager
import java.sql.SQLException
import java.util.concurrent.TimeUnit

/** The waits of the demo's live specs: for a line in a log, and for a row in the read model. */
class Await {
    private Await() {
    }

    /**
     * Polls {@code file} until its text satisfies {@code found}; between polls {@code check} may fail the wait early
     * (a process that died). Fails after {@code seconds} with the file's last lines.
     */
    static void text(Path file, int seconds, Closure<Boolean> found, Closure<Void> check = {}) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        while (!found(read(file))) {
            check()
            if (System.nanoTime() > deadline) {
                throw new AssertionError("$file did not show what was awaited within $seconds s; its end:\n"
                        + read(file).readLines().takeRight(30).join('\n'))
            }
            Thread.sleep(200)
        }
    }

    static String read(Path file) {
        Files.exists(file) ? Files.readString(file) : ''
    }

    /**
     * Polls the read model (a second apart) until {@code sql} returns a row; returns its first column. Between polls
     * {@code check} may fail the wait early. A schema the projection has not made yet counts as no row. Fails after
     * {@code seconds} with {@code why()} (e.g. a log's end).
     */
    static String row(String jdbcUrl, String sql, int seconds, Closure<Void> check, Closure<String> why) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        while (System.nanoTime() < deadline) {
            check()
            try {
                String value = DriverManager.getConnection(jdbcUrl).withCloseable { c ->
                    def rs = c.createStatement().executeQuery(sql)
                    rs.next() ? rs.getString(1) : null
                }
                if (value != null) {
                    return value
                }
            } catch (SQLException ignored) {
                // the projection has not created its schema yet
            }
            Thread.sleep(1000)
        }
        throw new AssertionError("no row within $seconds s for $sql\n${why()}")
    }

    /** Every row's first column. */
    static List<String> rows(String jdbcUrl, String sql) {
        DriverManager.getConnection(jdbcUrl).withCloseable { c ->
            def rs = c.createStatement().executeQuery(sql)
            def values = []
            while (rs.next()) {
                values << rs.getString(1)
            }
            values
        }
    }
}
