package org.citygrid.bench.casecycle;

/**
 * What a topology under test made of each report, as a reader outside sees it: when its output became visible
 * (committed, on this JVM's {@link System#nanoTime} clock, the clock the sends are timed on).
 */
interface Outcomes extends AutoCloseable {
    /** When the report's outcome became visible, or null while it has not. */
    Long settledAt(String intakeId);

    /** Whether the report joined another open case instead of opening one (the case cycle's duplicate rule). */
    boolean merged(String intakeId);

    @Override
    void close() throws InterruptedException;
}
