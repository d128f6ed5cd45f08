package org.citygrid.bench.e2e;

import org.citygrid.bench.measure.Percentiles;
import java.util.List;
import java.util.Locale;

/**
 * What the benchmark measured, and the table it prints: the ladder's steps, then the raw baselines, then each
 * step's p50 as a multiple of the pass-through's.
 *
 * @param setup one line on what ran (sensors, step length), for the table's heading
 */
public record E2eReport(String setup, List<StepResult> steps, List<BaselineResult> baselines) {
    public static final String KAFKA = "Kafka producer -> consumer (acks=all, read_committed)";
    public static final String STREAMS = "pass-through Streams (exactly_once_v2, commit 100 ms)";
    public static final String POSTGIS = "PostGIS insert + select by id (JDBC, autocommit)";
    public static final String COAP = "bare Californium resource (SenML POST over DTLS PSK)";

    public E2eReport {
        steps = List.copyOf(steps);
        baselines = List.copyOf(baselines);
    }

    public BaselineResult baseline(String name) {
        return baselines.stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
    }

    public String table() {
        StringBuilder s = new StringBuilder();
        s.append("end-to-end benchmark: ").append(setup).append("\n\n");
        s.append(String.format(Locale.ROOT, "%8s %8s %6s %7s %6s %7s %10s | %28s | %28s | %13s %12s  %s%n",
                "raises/s", "sent/s", "cases", "to file", "merged", "missing", "settled/s",
                "reading -> Dispatched (ms)", "reading -> intent (ms)", "cloud CPU s", "edge CPU s", ""));
        s.append(String.format(Locale.ROOT, "%8s %8s %6s %7s %6s %7s %10s | %8s %8s %9s | %8s %8s %9s | %13s %12s  %s%n",
                "offered", "", "", "", "", "", "", "p50", "p95", "p99", "p50", "p95", "p99", "per 1k edges",
                "per 1k edges", "verdict"));
        for (StepResult r : steps) {
            s.append(String.format(Locale.ROOT,
                    "%8.1f %8.1f %6d %7d %6d %7d %10.1f | %8s %8s %9s | %8s %8s %9s | %13.2f %12.2f  %s%n",
                    r.offered(), r.sentPerSecond(), r.cases(), r.toFile(), r.merged(), r.missing(), r.processedPerSecond(),
                    Percentiles.ms(r.dispatched().p50()), Percentiles.ms(r.dispatched().p95()), Percentiles.ms(r.dispatched().p99()),
                    Percentiles.ms(r.intent().p50()), Percentiles.ms(r.intent().p95()), Percentiles.ms(r.intent().p99()), r.cloudCpuPer1000(),
                    r.edgeCpuPer1000(), r.broken() == null ? "ok" : "BROKE: " + r.broken()));
        }
        s.append("\nraw baselines, same broker and database, same run:\n");
        s.append(String.format(Locale.ROOT, "  %-55s %7s %6s %8s %8s %9s%n", "", "msgs/s", "n", "p50 ms", "p95 ms",
                "p99 ms"));
        for (BaselineResult b : baselines) {
            s.append(String.format(Locale.ROOT, "  %-55s %7.1f %6d %8s %8s %9s%n", b.name(), b.rate(),
                    b.latency().count(), Percentiles.ms(b.latency().p50()), Percentiles.ms(b.latency().p95()), Percentiles.ms(b.latency().p99())));
        }
        BaselineResult streams = baseline(STREAMS);
        if (streams != null && !streams.latency().isEmpty() && !steps.isEmpty()) {
            s.append("\nreading -> Dispatched p50 as a multiple of the pass-through's p50 (")
                    .append(Percentiles.ms(streams.latency().p50())).append(" ms):\n");
            for (StepResult r : steps) {
                s.append(String.format(Locale.ROOT, "  %6.1f raises/s: %8.1fx%n", r.offered(),
                        r.dispatched().p50() / streams.latency().p50()));
            }
        }
        return s.toString();
    }
}
