package org.citygrid.bench.e2e;

import java.util.List;
import java.util.Locale;

/**
 * The scaling part as one self-contained HTML page: per dimension an inline SVG panel of each figure's ratio to the
 * base row (linear axis, a dashed line at 1×), then the tables. No script, no external file.
 */
final class ScaleChart {
    private static final int WIDTH = 460;
    private static final int HEIGHT = 300;
    private static final int LEFT = 50;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 80;
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#d62728", "#2ca02c", "#9467bd", "#8c564b"};

    private ScaleChart() {
    }

    static String html(ScaleReport report) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + "CityGrid scaling benchmark</title>\n<style>body{font-family:sans-serif;margin:2em}pre{font-size:12px}"
                + "</style></head><body>\n<h1>CityGrid scaling benchmark</h1>\n<p>")
                .append(E2eChart.escape(report.setup())).append("</p>\n<div>\n");
        for (ScaleOptions.Dimension d : ScaleOptions.Dimension.values()) {
            List<ScaleRow> rows = report.rows(d);
            if (!rows.isEmpty()) {
                s.append(svg(d, rows)).append('\n');
            }
        }
        return s.append("</div>\n<pre>").append(E2eChart.escape(report.table())).append("</pre>\n</body></html>\n")
                .toString();
    }

    static String svg(ScaleOptions.Dimension d, List<ScaleRow> rows) {
        ScaleRow base = rows.getFirst();
        double max = 2;
        for (ScaleRow r : rows) {
            for (ScaleReport.Figure f : ScaleReport.FIGURES) {
                double v = f.ratio(r, base);
                if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                    max = Math.max(max, Math.ceil(v));
                }
            }
        }
        int w = WIDTH - LEFT - RIGHT;
        int h = HEIGHT - TOP - BOTTOM;
        double top = max;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n"
                + "<text x=\"%d\" y=\"18\" font-size=\"13\">ratio to the base row, varying %s</text>%n"
                + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, LEFT, E2eChart.escape(d.label()), LEFT, TOP, w, h));
        for (int tick = 0; tick <= top; tick += Math.max(1, (int) Math.ceil(top / 5))) {
            double y = TOP + h - tick / top * h;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d×</text>%n", LEFT, y, LEFT + w, y, LEFT - 5,
                    y + 4, tick));
        }
        double one = TOP + h - 1 / top * h;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\""
                + " stroke-dasharray=\"4 4\"/>%n", LEFT, one, LEFT + w, one));
        for (int i = 0; i < rows.size(); i++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x(i, rows.size(), w), TOP + h + 15, rows.get(i).size()));
        }
        for (int f = 0; f < ScaleReport.FIGURES.size(); f++) {
            ScaleReport.Figure figure = ScaleReport.FIGURES.get(f);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                double v = figure.ratio(rows.get(i), base);
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    continue;
                }
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, rows.size(), w),
                        TOP + h - Math.min(v, top) / top * h));
            }
            s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    points.toString().strip(), COLOURS[f]));
            int lx = LEFT + (f % 3) * 135;
            int ly = TOP + h + 35 + (f / 3) * 16;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>%n", lx, ly, lx + 18, ly, COLOURS[f], lx + 22,
                    ly + 4, E2eChart.escape(label(figure))));
        }
        return s.append("</svg>").toString();
    }

    private static String label(ScaleReport.Figure figure) {
        return switch (figure.name()) {
            case "share" -> "settled share";
            case "cloud CPU", "edge CPU" -> figure.name() + "/1k edges";
            default -> "Dispatched " + figure.name();
        };
    }

    private static double x(int i, int n, int w) {
        return LEFT + (i + 0.5) * w / Math.max(1, n);
    }
}
