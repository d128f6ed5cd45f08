package org.citygrid.demo.drills;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.citygrid.contracts.readmodel.CaseEventsTable;
import org.citygrid.contracts.readmodel.CasesTable;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.demo.city.EdgeSite;

/** The drill's result as a table on the console: what was sent, what arrived, and the verdict. */
final class DrillReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int SHOWN_IDS = 10;
    private static final String INTAKE = TopicCatalogue.INTAKE.name();

    private DrillReport() {
    }

    static String table(DrillCount c, DrillOptions options, EdgeSite site, Instant brokenAt, Duration down) {
        var d = c.downstream();
        StringBuilder s = new StringBuilder("\n");
        Fault fault = options.fault();
        s.append(fault.drillName()).append(" drill: ").append(fault.how()).append(" of ").append(fault.target(site))
                .append(" at ").append(TIME.format(brokenAt)).append(", ").append(options.faultAt().toSeconds())
                .append(" s into a ").append(options.load().toSeconds()).append(" s load on ").append(site.name())
                .append("; ").append(fault.backInTable(down)).append("\n\n");
        row(s, "readings sent (sensors over DTLS)", c.readings().sent(), "");
        row(s, "readings acknowledged (2.04)", c.readings().acknowledged(),
                "unanswered attempts, resent " + c.readings().unanswered() + "; refused " + c.readings().refused() + "; abandoned " + c.readings().abandoned());
        row(s, "alarm edges acknowledged", c.acknowledged().size(), "raises " + c.raises() + ", clears "
                + (c.acknowledged().size() - c.raises()) + "; before the fault " + c.acknowledgedBeforeFault()
                + ", after " + c.acknowledgedAfterFault());
        if (fault.cutsEdgeUplink()) {
            row(s, "  acknowledged during the cut", c.acknowledgedWhileDown(), "held in the edge's outbox, then"
                    + " forwarded: in " + INTAKE + " now " + c.acknowledgedWhileDownInIntake());
        }
        row(s, INTAKE + " records", c.intakeRecords(), "distinct intake ids " + c.distinctIntakeIds()
                + ", sent more than once " + c.resentIntakeIds() + " (at-least-once forwarding: allowed)");
        row(s, "  forwarded, never acknowledged", c.notAcknowledged().size(), "durable but unanswered at the fault or the end (allowed)");
        row(s, TopicCatalogue.INTAKE_REJECTIONS.name(), d.rejectionsByReason().values().stream().mapToInt(Integer::intValue).sum(),
                d.rejectionsByReason().isEmpty() ? "" : d.rejectionsByReason().toString());
        row(s, "sensor cases (" + CasesTable.NAME + ")", d.sensorCases(), "transitions caused by intake: " + byType(d));
        row(s, "transitions on topic " + TopicCatalogue.CASE_EVENTS.name(), d.caseCycle().events(), "the case cycle's output: cases"
                + " with a version gap " + d.caseCycle().casesWithGaps() + "; acknowledged edges without their"
                + " transition " + c.lostBeforeReadModel() + ", with two " + c.duplicatedBeforeReadModel());
        row(s, "case transitions (" + CaseEventsTable.NAME + ")", d.caseEvents(), "the read model: cases with a gap in their"
                + " versions " + d.casesWithGaps());
        row(s, "LOST", c.lost(), "acknowledged edges without their intake record or case transition in the read model"
                + ids(c.lostIds()) + (d.casesWithGaps() > 0 ? ", plus cases with a version gap" : ""));
        row(s, "DUPLICATED", c.duplicated(), "intake ids that made more than one case transition" + ids(c.duplicatedIds()));
        s.append('\n').append(c.passed() ? "PASS: no acknowledged event or case transition was lost or duplicated"
                : "FAIL: " + c.lost() + " lost, " + c.duplicated() + " duplicated").append('\n');
        return s.toString();
    }

    /** e.g. {AlarmCleared=55, DuplicateMerged=3, Reported=54}: how the raises and clears landed. */
    private static String byType(Downstream.Snapshot d) {
        Map<String, Integer> sums = new TreeMap<>();
        d.transitionsByCommand().values().forEach(m -> m.forEach((type, n) -> sums.merge(type, n, Integer::sum)));
        return sums.toString();
    }

    private static void row(StringBuilder s, String what, long n, String note) {
        s.append(String.format("  %-38s %7d   %s%n", what, n, note));
    }

    private static String ids(Set<String> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        return ": " + ids.stream().limit(SHOWN_IDS).collect(Collectors.joining(", "))
                + (ids.size() > SHOWN_IDS ? ", ..." : "");
    }
}
