package org.citygrid.bench.e2e;

import org.citygrid.bench.measure.Percentiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The report as one self-contained HTML page: an inline SVG chart of latency percentiles against the offered
 * rate (logarithmic latency axis, because the baselines sit milliseconds above zero and the pipeline seconds),
 * with each baseline's p50 as a dashed horizontal line, and the table under it. No script, no external file.
 */
final class E2eChart {
    private static final int WIDTH = 860;
    private static final int HEIGHT = 460;
    private static final int LEFT = 70;
    private static final int RIGHT = 330;
    private static final int TOP = 30;
    private static final int BOTTOM = 60;
    private static final String[] STEP_COLOURS = {"#1f77b4", "#ff7f0e", "#d62728", "#9467bd"};
    private static final String[] BASELINE_COLOURS = {"#2ca02c", "#17becf", "#8c564b", "#7f7f7f"};

    private E2eChart() {
    }

    static String html(E2eReport report) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CityGrid end-to-end benchmark"
                + "</title>\n<style>body{font-family:sans-serif;margin:2em}pre{font-size:12px}</style></head><body>\n"
                + "<h1>CityGrid end-to-end benchmark</h1>\n<p>" + escape(report.setup()) + "</p>\n"
                + svg(report) + "\n<pre>" + escape(report.table()) + "</pre>\n</body></html>\n";
    }

    static String svg(E2eReport report) {
        List<StepResult> steps = report.steps();
        List<Double> values = new ArrayList<>();
        for (StepResult s : steps) {
            List.of(s.dispatched().p50(), s.dispatched().p99(), s.intent().p99()).forEach(values::add);
        }
        report.baselines().forEach(b -> values.add(b.latency().p50()));
        double min = values.stream().filter(v -> v > 0 && !v.isNaN()).mapToDouble(Double::doubleValue).min().orElse(1);
        double max = values.stream().filter(v -> v > 0 && !v.isNaN()).mapToDouble(Double::doubleValue).max().orElse(10);
        double lo = Math.pow(10, Math.floor(Math.log10(min)));
        double hi = Math.pow(10, Math.ceil(Math.log10(max)));
        if (hi <= lo) {
            hi = lo * 10;
        }
        Plot plot = new Plot(lo, hi, steps.size());
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#999\"/>%n", LEFT, TOP, plot.width(), plot.height()));
        for (double tick = lo; tick <= hi * 1.0001; tick *= 10) {
            double y = plot.y(tick);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", LEFT, y, LEFT + plot.width(), y,
                    LEFT - 6, y + 4, Percentiles.ms(tick)));
        }
        for (int i = 0; i < steps.size(); i++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    plot.x(i), TOP + plot.height() + 18, number(steps.get(i).offered())));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">offered alarm raises per"
                + " second (one step each)</text>%n", LEFT + plot.width() / 2, HEIGHT - 15));
        int legend = 0;
        legend = series(s, plot, steps, r -> r.dispatched().p50(), "reading → Dispatched p50", STEP_COLOURS[0], legend);
        legend = series(s, plot, steps, r -> r.dispatched().p95(), "reading → Dispatched p95", STEP_COLOURS[1], legend);
        legend = series(s, plot, steps, r -> r.dispatched().p99(), "reading → Dispatched p99", STEP_COLOURS[2], legend);
        legend = series(s, plot, steps, r -> r.intent().p99(), "reading → intent p99", STEP_COLOURS[3], legend);
        for (int i = 0; i < report.baselines().size(); i++) {
            BaselineResult b = report.baselines().get(i);
            if (b.latency().isEmpty()) {
                continue;
            }
            String colour = BASELINE_COLOURS[i % BASELINE_COLOURS.length];
            double y = plot.y(b.latency().p50());
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\""
                    + " stroke-dasharray=\"6 4\" stroke-width=\"2\"/>%n", LEFT, y, LEFT + plot.width(), y, colour));
            legend = legendEntry(s, "baseline p50: " + shortName(b.name()), colour, true, legend);
        }
        s.append("</svg>");
        return s.toString();
    }

    private static int series(StringBuilder s, Plot plot, List<StepResult> steps, ToDoubleFunction<StepResult> value,
                              String label, String colour, int legend) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            double v = value.applyAsDouble(steps.get(i));
            if (Double.isNaN(v) || v <= 0) {
                continue;
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", plot.x(i), plot.y(v)));
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", plot.x(i),
                    plot.y(v), colour));
        }
        s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                points.toString().strip(), colour));
        return legendEntry(s, label, colour, false, legend);
    }

    private static int legendEntry(StringBuilder s, String label, String colour, boolean dashed, int index) {
        int x = WIDTH - RIGHT + 15;
        int y = TOP + 10 + index * 20;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                + " stroke-width=\"2\"%s/><text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>%n", x, y, x + 24, y, colour,
                dashed ? " stroke-dasharray=\"6 4\"" : "", x + 30, y + 4, escape(label)));
        return index + 1;
    }

    private record Plot(double lo, double hi, int steps) {
        int width() {
            return WIDTH - LEFT - RIGHT;
        }

        int height() {
            return HEIGHT - TOP - BOTTOM;
        }

        double x(int step) {
            return LEFT + (step + 0.5) * width() / Math.max(1, steps);
        }

        double y(double millis) {
            double share = (Math.log10(millis) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
            return TOP + height() - Math.max(0, Math.min(1, share)) * height();
        }
    }

    /** The baseline's name without its settings in parentheses: the legend has little room, the table has them. */
    private static String shortName(String name) {
        int paren = name.indexOf(" (");
        return paren > 0 ? name.substring(0, paren) : name;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
