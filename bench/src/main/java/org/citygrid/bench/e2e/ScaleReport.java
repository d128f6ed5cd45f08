package org.citygrid.bench.e2e;

import org.citygrid.bench.measure.Percentiles;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What the scaling part measured, and its tables: one per dimension, each row with its figures and their ratio to
 * the dimension's first row (the base point, measured in the same run).
 *
 * @param setup one line on what ran, for the heading
 */
public record ScaleReport(String setup, List<ScaleRow> rows) {

    public ScaleReport {
        rows = List.copyOf(rows);
    }

    public List<ScaleRow> rows(ScaleOptions.Dimension dimension) {
        return rows.stream().filter(r -> r.dimension() == dimension).toList();
    }

    /** The figures a row is compared on, in table order. */
    static final List<Figure> FIGURES = List.of(
            new Figure("p50", r -> r.step().dispatched().p50()),
            new Figure("p95", r -> r.step().dispatched().p95()),
            new Figure("p99", r -> r.step().dispatched().p99()),
            new Figure("share", ScaleRow::share),
            new Figure("cloud CPU", r -> r.step().cloudCpuPer1000()),
            new Figure("edge CPU", r -> r.step().edgeCpuPer1000()));

    /** A figure of a row, and its name in the ratio columns. */
    record Figure(String name, ToDoubleFunction<ScaleRow> value) {
        double ratio(ScaleRow row, ScaleRow base) {
            return value.applyAsDouble(row) / value.applyAsDouble(base);
        }
    }

    public String table() {
        StringBuilder s = new StringBuilder("scaling benchmark: ").append(setup).append('\n');
        for (ScaleOptions.Dimension d : ScaleOptions.Dimension.values()) {
            List<ScaleRow> of = rows(d);
            if (of.isEmpty()) {
                continue;
            }
            ScaleRow base = of.getFirst();
            s.append("\nvarying ").append(d.label()).append(" (ratios: to the first row)\n");
            s.append(String.format(Locale.ROOT, "%11s %10s %8s %7s %7s %6s | %6s %6s %6s | %9s %9s | %5s | %s%n",
                    d.label(), "open cases", "sensors", "grids", "sent/s", "share", "p50", "p95", "p99", "cloud CPU",
                    "edge CPU", "load", "ratio p50   p95   p99 share cloud  edge"));
            s.append(String.format(Locale.ROOT, "%11s %10s %8s %7s %7s %6s | %20s | %19s | %5s |%n", "asked", "before", "",
                    "", "", "", "reading -> Dispatched ms", "s per 1k edges", "avg"));
            for (ScaleRow r : of) {
                StepResult st = r.step();
                s.append(String.format(Locale.ROOT, "%11d %10d %8d %7d %7.1f %6.2f | %6s %6s %6s | %9.2f %9.2f | %5.1f |      ",
                        r.size(), r.openCases(), r.sensors(), r.grids(), st.sentPerSecond(), r.share(),
                        Percentiles.ms(st.dispatched().p50()), Percentiles.ms(st.dispatched().p95()),
                        Percentiles.ms(st.dispatched().p99()), st.cloudCpuPer1000(), st.edgeCpuPer1000(), r.loadAverage()));
                for (Figure f : FIGURES) {
                    s.append(String.format(Locale.ROOT, "%5.2f ", f.ratio(r, base)));
                }
                s.append(st.missing() > 0 ? " " + st.missing() + " missing" : "").append('\n');
            }
        }
        return s.toString();
    }
}
