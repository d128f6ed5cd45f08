package org.citygrid.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used so far, user plus system, from {@code /proc/<pid>/stat} (Linux only). The fields
 * count clock ticks of USER_HZ, which is 100 on every Linux the project runs on.
 */
public final class ProcessCpu {
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** Seconds of CPU, or NaN when the process or /proc is not there. */
    public static double seconds(long pid) {
        long[] t = ticks(pid);
        return t == null ? Double.NaN : (t[0] + t[1]) / TICKS_PER_SECOND;
    }

    /**
     * Seconds of CPU of a process and everything it started, for a server made of processes (PostgreSQL's
     * postmaster and its backends): its own time and its children's that it has waited for, plus the same of every
     * descendant still running. A backend that ends between two readings moves from the second sum to the first
     * without being lost. NaN when the process or /proc is not there.
     */
    public static double withDescendants(long pid) {
        long[] own = ticks(pid);
        if (own == null) {
            return Double.NaN;
        }
        long total = own[0] + own[1] + own[2] + own[3];
        for (ProcessHandle child : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(java.util.List.of())) {
            long[] t = ticks(child.pid());
            if (t != null) {
                total += t[0] + t[1] + t[2] + t[3];
            }
        }
        return total / TICKS_PER_SECOND;
    }

    /** utime, stime, cutime, cstime; null when the process or /proc is not there. */
    private static long[] ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count fields after its ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), // fields 14 and 15
                    Long.parseLong(fields[13]), Long.parseLong(fields[14])}; // 16 and 17: waited-for children
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
