package org.citygrid.demo.drills;

import java.time.Duration;
import java.util.stream.Collectors;

import org.citygrid.contracts.deadletters.DeadLetter;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.demo.city.EdgeSite;

/** The poison drill's result as a table on the console: each hostile input, what answered it, and the verdict. */
final class PoisonReport {
    private static final int REASON_WIDTH = 90;

    private PoisonReport() {
    }

    static String table(PoisonVerdict v, PoisonOptions options, EdgeSite site) {
        StringBuilder s = new StringBuilder("\n");
        s.append("poison drill: ").append(v.results().size()).append(" hostile inputs while ").append(options.sensors())
                .append(" sensors load ").append(site.name()).append(" (").append(site.nodeId()).append(") at ")
                .append(options.rate()).append(" readings/s; a normal patrol report to /r after each one\n\n");
        s.append(String.format("  %3s  %-30s %-44s %-9s %s%n", "#", "entry", "hostile input", "next (s)",
                "answer: status and reason; or the dead letter on " + TopicCatalogue.DEAD_LETTERS.name()
                        + " or the case cycle's refusal"));
        int n = 0;
        for (PoisonVerdict.Result r : v.results()) {
            Duration took = r.next().took();
            String next = !r.next().acknowledged() ? "refused" : took == null ? "never" : seconds(took);
            boolean ok = r.handlingProblem().isEmpty() && r.nextReportProblem(v.reportWait()).isEmpty()
                    && r.stopped().isEmpty();
            s.append(String.format("  %3d  %-30s %-44s %-9s %s%s%n", ++n, r.input().entry(), r.input().what(), next,
                    ok ? "" : "FAIL ", answer(r)));
        }
        s.append('\n');
        row(s, "hostile inputs", v.results().size(), "to CoAP /s and /r, the API's reports and case actions, Open311,"
                + " and three topics");
        row(s, "  refused at the entry", v.refusals(), "by status " + v.refusalsByStatus());
        row(s, "  produced onto topics", v.produced(), "set aside or refused with a reason: " + v.setAside()
                + "; " + v.answersBy());
        for (DeadLetter d : v.refusalsSetAside()) {
            s.append("      then set aside by ").append(d.consumer()).append(": ").append(d.coordinates()).append(", ")
                    .append(shorten(d.reason())).append('\n');
        }
        row(s, "normal reports after them", v.reports().size(), "acknowledged " + v.acknowledgedReports()
                + "; slowest to the read model " + v.slowestNextReport().map(PoisonReport::seconds).orElse("-")
                + " s (at most " + v.reportWait().toSeconds() + " s); lost " + v.lostReports() + ", doubled "
                + v.doubledReports());
        DrillCount c = v.count();
        row(s, "alarm edges acknowledged (load)", c.acknowledged().size(), "readings sent " + c.readings().sent()
                + ", acknowledged " + c.readings().acknowledged() + "; lost " + c.lost() + ", duplicated "
                + c.duplicated());
        s.append("  health at the end: ").append(v.finalHealth().stream().map(Object::toString)
                .collect(Collectors.joining("; "))).append('\n');
        s.append("  run time ").append(v.runTime().toSeconds()).append(" s\n\n");
        if (v.passed()) {
            s.append("PASS: every hostile input was refused clearly or set aside with its reason; every normal report"
                    + " after one reached the read model in time; no consumer stopped; no case lost or doubled\n");
        } else {
            s.append("FAIL:\n");
            v.failures().forEach(f -> s.append("  - ").append(f).append('\n'));
        }
        return s.toString();
    }

    private static String answer(PoisonVerdict.Result r) {
        if (r.answer().produced()) {
            if (r.answers().isEmpty()) {
                return r.answer().status() + ": neither a dead letter nor a refusal";
            }
            TopicAnswers.Answer a = r.answers().getFirst();
            return shorten(r.answer().status() + " -> " + r.answers().stream().map(x -> x.where() + " by " + x.by())
                    .distinct().collect(Collectors.joining(", ")) + ": " + a.reason());
        }
        return shorten(r.answer().status() + " " + r.answer().reason());
    }

    private static String shorten(String text) {
        return text.length() <= REASON_WIDTH ? text : text.substring(0, REASON_WIDTH - 3) + "...";
    }

    private static String seconds(Duration d) {
        return String.format("%.1f", d.toMillis() / 1000.0);
    }

    private static void row(StringBuilder s, String what, long n, String note) {
        s.append(String.format("  %-34s %5d   %s%n", what, n, note));
    }
}
