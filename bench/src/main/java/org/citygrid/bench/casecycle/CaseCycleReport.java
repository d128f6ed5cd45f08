package org.citygrid.bench.casecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import org.citygrid.bench.measure.Percentiles;

/**
 * The case-cycle benchmark's results and their printed form: a table per repetition and topology, the CPU table, the
 * case cycle's writes by topic, the ratios per repetition with their median and range, and last the one
 * machine-readable line:
 * <pre>case-cycle: throughput R× pass-through, p50 L× pass-through at 100/s, W writes per report</pre>
 * R and L are medians over the repetitions of the case cycle's figure over the pass-through's of the same
 * repetition; W is the mean of the case cycle's data records per report. When a paced phase did not keep up, the
 * latency part says so instead of giving a latency: {@code did not keep up at 100/s} (the case cycle) or
 * {@code pass-through did not keep up at 100/s}.
 */
public record CaseCycleReport(CaseCycleOptions options, List<Measurement> measurements, int cores, double loadBefore,
                              double loadAfter, Duration elapsed) {
    public static final String PASS_THROUGH = "pass-through";
    public static final String CASE_CYCLE = "case cycle";

    public CaseCycleReport {
        measurements = List.copyOf(measurements);
    }

    /** The case cycle's figures over the pass-through's, in one repetition. */
    public record Ratio(int repetition, double throughput, double p50, boolean bothKeptUp, double streamsCpu) {
    }

    public List<Measurement> of(String topology) {
        return measurements.stream().filter(m -> m.topology().equals(topology)).toList();
    }

    public List<Ratio> ratios() {
        List<Ratio> ratios = new ArrayList<>();
        List<Measurement> pass = of(PASS_THROUGH);
        List<Measurement> cases = of(CASE_CYCLE);
        for (int i = 0; i < Math.min(pass.size(), cases.size()); i++) {
            Measurement p = pass.get(i);
            Measurement c = cases.get(i);
            ratios.add(new Ratio(c.repetition(), c.burst().perSecond() / p.burst().perSecond(),
                    c.paced().latency().p50() / p.paced().latency().p50(), c.paced().keptUp() && p.paced().keptUp(),
                    c.burstCpu().streams() / p.burstCpu().streams()));
        }
        return ratios;
    }

    /** The case cycle's data records per report, mean over its repetitions. */
    public double writesPerReport() {
        return mean(of(CASE_CYCLE), Measurement::recordsPerReport);
    }

    /** {@code case-cycle: throughput R× pass-through, p50 L× pass-through at 100/s, W writes per report} */
    public String summaryLine() {
        List<Ratio> ratios = ratios();
        String latency;
        if (of(CASE_CYCLE).stream().anyMatch(m -> !m.paced().keptUp())) {
            latency = "did not keep up";
        } else if (of(PASS_THROUGH).stream().anyMatch(m -> !m.paced().keptUp())) {
            latency = "pass-through did not keep up";
        } else {
            latency = String.format(Locale.ROOT, "p50 %.1f× pass-through", median(ratios, Ratio::p50));
        }
        return String.format(Locale.ROOT, "case-cycle: throughput %.2f× pass-through, %s at %s/s, %.1f writes per report",
                median(ratios, Ratio::throughput), latency, CaseCycleBench.number(options.rate()), writesPerReport());
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        String rate = CaseCycleBench.number(options.rate()) + "/s";
        out.append("case-cycle benchmark: patrol report -> Filed -> Dispatched in cloud-backend (its own JVM, the demo's")
                .append(" configuration) against a pass-through Kafka Streams topology with the same exactly-once")
                .append(" settings (its own JVM), one broker; load and measurement in a third JVM; v1 notification")
                .append(" intents ").append(options.notificationsV1() ? "on" : "off").append(" (CITYGRID_NOTIFICATIONS_V1)\n");
        out.append(String.format(Locale.ROOT, "%d cores, load average %.1f at the start and %.1f at the end; warm-up %s s"
                        + " at %s per topology; paced %s for %s s (%d reports); burst of %d; %d repetitions, alternated;"
                        + " %d min in all%n%n", cores, loadBefore, loadAfter,
                CaseCycleBench.number(options.warmup().toMillis() / 1000.0), rate, rate,
                CaseCycleBench.number(options.paced().toMillis() / 1000.0), options.pacedReports(), options.burst(),
                options.repetitions(), Math.round(elapsed.toSeconds() / 60.0)));

        out.append(String.format(Locale.ROOT, "%-17s | %-47s | %-26s | %s%n", "", centre("paced " + rate, 47),
                centre("burst", 26), "Kafka writes per report"));
        out.append(String.format(Locale.ROOT, "%-13s %3s | %9s %-13s %7s %7s %7s | %9s %7s %8s | %8s %8s%n", "topology",
                "rep", "settled/s", "kept up", "p50 ms", "p95 ms", "p99 ms", "reports/s", "p50 ms", "p99 ms", "records",
                "markers"));
        for (Measurement m : measurements) {
            PacedResult p = m.paced();
            BurstResult b = m.burst();
            out.append(String.format(Locale.ROOT, "%-13s %3d | %9.1f %-13s %7s %7s %7s | %9.0f %7s %8s | %8.2f %8.2f%n",
                    m.topology(), m.repetition(), p.settledPerSecond(), p.keptUp() ? "yes"
                            : p.missing() > 0 ? "no, " + p.missing() + " lost" : "NO", latency(p, p.latency().p50()),
                    latency(p, p.latency().p95()), latency(p, p.latency().p99()), b.perSecond(),
                    Percentiles.ms(b.latency().p50()), Percentiles.ms(b.latency().p99()), m.recordsPerReport(),
                    m.markersPerReport()));
        }
        notes(out);

        out.append(String.format(Locale.ROOT, "%nCPU seconds per 1,000 reports (/proc/<pid>/stat, user + system)%n"));
        out.append(String.format(Locale.ROOT, "%-17s | %-43s | %s%n", "", centre("paced " + rate + ", drain included", 43),
                centre("burst", 39)));
        String heads = String.join("", CpuSample.PROCESSES.stream().map(h -> String.format(Locale.ROOT, "%11s", h)).toList());
        out.append(String.format(Locale.ROOT, "%-13s %3s |%s |%s%n", "topology", "rep", heads, heads));
        for (Measurement m : measurements) {
            out.append(String.format(Locale.ROOT, "%-13s %3d |%s |%s%n", m.topology(), m.repetition(), cpu(m.pacedCpu()),
                    cpu(m.burstCpu())));
        }

        writesByTopic(out);

        List<Ratio> ratios = ratios();
        out.append(String.format(Locale.ROOT, "%ncase cycle / pass-through, same repetition:%n"));
        out.append(String.format(Locale.ROOT, "%5s %12s %16s %24s%n", "rep", "throughput", "p50 at " + rate,
                "Streams CPU (burst)"));
        for (Ratio r : ratios) {
            out.append(String.format(Locale.ROOT, "%5d %11.2fx %16s %23.1fx%n", r.repetition(), r.throughput(),
                    r.bothKeptUp() ? String.format(Locale.ROOT, "%.1fx", r.p50()) : "did not keep up", r.streamsCpu()));
        }
        out.append(String.format(Locale.ROOT, "%5s %11.2fx %16s %23.1fx%n", "median", median(ratios, Ratio::throughput),
                ratios.stream().allMatch(Ratio::bothKeptUp) ? String.format(Locale.ROOT, "%.1fx", median(ratios, Ratio::p50))
                        : "-", median(ratios, Ratio::streamsCpu)));
        out.append(String.format(Locale.ROOT, "%5s %12s %16s %24s%n", "range", range(ratios, Ratio::throughput, "%.2f"),
                range(ratios, Ratio::p50, "%.1f"), range(ratios, Ratio::streamsCpu, "%.1f")));
        out.append(String.format(Locale.ROOT, "case cycle: %.1f Kafka records per report %s, %.2f transaction markers"
                        + " besides%n", writesPerReport(), range(of(CASE_CYCLE), Measurement::recordsPerReport, "%.1f"),
                mean(of(CASE_CYCLE), Measurement::markersPerReport)));
        out.append('\n').append(summaryLine()).append('\n');
        return out.toString();
    }

    private void notes(StringBuilder out) {
        for (Measurement m : measurements) {
            if (m.paced().merged() + m.burst().merged() > 0) {
                out.append(String.format(Locale.ROOT, "  note: %s %d: %d reports merged into another case (no latency)%n",
                        m.topology(), m.repetition(), m.paced().merged() + m.burst().merged()));
            }
            if (m.burst().missing() > 0) {
                out.append(String.format(Locale.ROOT, "  note: %s %d: %d burst reports had no outcome within the drain;"
                        + " reports/s counts the others%n", m.topology(), m.repetition(), m.burst().missing()));
            }
            if (m.paced().senderLateMs() > 50) {
                out.append(String.format(Locale.ROOT, "  note: %s %d: the paced sender was up to %.0f ms late (counted"
                        + " in the latencies)%n", m.topology(), m.repetition(), m.paced().senderLateMs()));
            }
            if (m.unreadPerReport() > 0) {
                out.append(String.format(Locale.ROOT, "  note: %s %d: %.2f offsets per report were deleted before they"
                        + " could be read back: records and markers are short by that much%n", m.topology(),
                        m.repetition(), m.unreadPerReport()));
            }
        }
    }

    /** The case cycle's records and markers per report by topic, mean over its repetitions. */
    private void writesByTopic(StringBuilder out) {
        List<Measurement> cases = of(CASE_CYCLE);
        if (cases.isEmpty()) {
            return;
        }
        out.append(String.format(Locale.ROOT, "%nKafka writes per case-cycle report by topic, mean of %d repetitions"
                + " (records: data records; markers: transaction markers; the report's own grid.intake record is not"
                + " counted)%n", cases.size()));
        out.append(String.format(Locale.ROOT, "  %-64s %8s %8s%n", "topic", "records", "markers"));
        TreeSet<String> topics = new TreeSet<>();
        cases.forEach(m -> topics.addAll(m.writes().keySet()));
        for (String topic : topics) {
            double records = mean(cases, m -> m.writes().getOrDefault(topic, ZERO).records());
            double markers = mean(cases, m -> m.writes().getOrDefault(topic, ZERO).markers());
            out.append(String.format(Locale.ROOT, "  %-64s %8.2f %8.2f%n", topic, records, markers));
        }
        out.append(String.format(Locale.ROOT, "  %-64s %8.2f %8.2f%n", "all", writesPerReport(),
                mean(cases, Measurement::markersPerReport)));
        Map<String, Double> internal = new LinkedHashMap<>();
        cases.forEach(m -> m.internal().keySet().forEach(t -> internal.put(t, mean(cases,
                x -> x.internal().getOrDefault(t, 0.0)))));
        if (!internal.isEmpty()) {
            out.append("  the broker's own topics, offsets per report (not counted above):");
            internal.forEach((t, v) -> out.append(String.format(Locale.ROOT, " %s %.2f", t, v)));
            out.append('\n');
        }
    }

    private static final Measurement.TopicWrites ZERO = new Measurement.TopicWrites(0, 0, 0);

    private static String latency(PacedResult p, double millis) {
        return p.keptUp() ? Percentiles.ms(millis) : "-";
    }

    private static String cpu(CpuSample s) {
        StringBuilder b = new StringBuilder();
        for (double v : s.values()) {
            b.append(Double.isNaN(v) ? String.format(Locale.ROOT, "%11s", "n/a") : String.format(Locale.ROOT, "%11.2f", v));
        }
        return b.toString();
    }

    private static String centre(String text, int width) {
        int pad = Math.max(0, (width - text.length()) / 2);
        return " ".repeat(pad) + text;
    }

    static <T> double median(List<T> items, ToDoubleFunction<T> f) {
        double[] v = items.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static <T> double mean(List<T> items, ToDoubleFunction<T> f) {
        return items.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static <T> String range(List<T> items, ToDoubleFunction<T> f, String format) {
        double min = items.stream().mapToDouble(f).min().orElse(Double.NaN);
        double max = items.stream().mapToDouble(f).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "[" + format + "–" + format + "]", min, max);
    }
}
