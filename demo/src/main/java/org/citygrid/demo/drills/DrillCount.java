package org.citygrid.demo.drills;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The drill's count: every edge the node acknowledged, looked for downstream.
 *
 * <p>What counts as what, from docs/edge-node.md and docs/cloud-backend.md:
 * <ul>
 *   <li><b>lost</b>: an acknowledged edge whose intake id is not in {@code grid.intake}, or that made no case
 *   transition: a raise neither opened a case ({@code Reported}) nor joined one ({@code DuplicateMerged}, another
 *   sensor's alarm within 50 m); a clear made no {@code AlarmCleared}. The transition carries the command id
 *   {@code intake:<intakeId>}, so it is found by id.</li>
 *   <li><b>duplicated</b>: an intake id that made more than one case transition, in the read model or already on
 *   the {@code grid.case-events} topic. Not a second record of the same
 *   intake id in {@code grid.intake}: the edge node forwards at least once, so after a crash it may send again
 *   what Kafka already had, and the case cycle refuses such a resend of a raise ({@code DUPLICATE_SOURCE}). Those
 *   resends are counted, and they are allowed.</li>
 *   <li>cases with a gap in their versions: a transition missing from the read model (also a loss).</li>
 * </ul>
 */
record DrillCount(Readings readings, List<AcknowledgedEdge> acknowledged, Instant brokenAt, Instant restoredAt,
                     Downstream.Snapshot downstream, Set<String> lostIds, Set<String> duplicatedIds,
                     Set<String> notAcknowledged) {

    /**
     * The sensors' side: readings sent, acknowledged, attempts left unanswered (each resent), refused (4.xx, not
     * resent) and abandoned (still unacknowledged when the load's last minute of grace ran out).
     */
    record Readings(long sent, long acknowledged, long unanswered, long refused, long abandoned) {
    }

    static final Set<String> RAISE_TRANSITIONS = Set.of("Reported", "DuplicateMerged");
    static final Set<String> CLEAR_TRANSITIONS = Set.of("AlarmCleared");

    /** @param restoredAt when the broken piece was back: with brokenAt, the time the fault lasted */
    static DrillCount of(AlarmLoad load, Instant brokenAt, Instant restoredAt, String nodeId,
                         Downstream.Snapshot downstream) {
        return of(new Readings(load.sent(), load.acknowledged(), load.unanswered(), load.refused(), load.abandoned()),
                load.edges(), brokenAt, restoredAt, nodeId, downstream);
    }

    /** A count of a fault that was over at once (a kill and an immediate restart). */
    static DrillCount of(Readings readings, List<AcknowledgedEdge> edges, Instant brokenAt, String nodeId,
                         Downstream.Snapshot downstream) {
        return of(readings, edges, brokenAt, brokenAt, nodeId, downstream);
    }

    static DrillCount of(Readings readings, List<AcknowledgedEdge> edges, Instant brokenAt, Instant restoredAt,
                         String nodeId, Downstream.Snapshot downstream) {
        Set<String> lost = new TreeSet<>();
        for (AcknowledgedEdge edge : edges) {
            if (!downstream.intakeById().containsKey(edge.intakeId()) || transitions(downstream, edge) == 0) {
                lost.add(edge.intakeId());
            }
        }
        Set<String> duplicated = duplicates(downstream.transitionsByCommand());
        duplicated.addAll(duplicates(downstream.caseCycle().transitionsByCommand()));
        Set<String> acknowledgedIds = new HashSet<>();
        edges.forEach(e -> acknowledgedIds.add(e.intakeId()));
        Set<String> extra = new TreeSet<>();
        downstream.intakeById().keySet().stream()
                .filter(id -> id.startsWith(nodeId + ":") && !acknowledgedIds.contains(id))
                .forEach(extra::add);
        return new DrillCount(readings, edges, brokenAt, restoredAt, downstream, lost, duplicated, extra);
    }

    /** Whether every acknowledged edge has reached the read model: the drill waits for this (or gives up). */
    boolean drained() {
        return lostIds.isEmpty();
    }

    /** Intake ids whose command made more than one raise or clear transition. */
    private static Set<String> duplicates(Map<String, Map<String, Integer>> transitionsByCommand) {
        Set<String> duplicated = new TreeSet<>();
        transitionsByCommand.forEach((command, byType) -> {
            int caused = byType.entrySet().stream()
                    .filter(e -> RAISE_TRANSITIONS.contains(e.getKey()) || CLEAR_TRANSITIONS.contains(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            if (caused > 1) {
                duplicated.add(command.substring("intake:".length()));
            }
        });
        return duplicated;
    }

    static int transitions(Downstream.Snapshot downstream, AcknowledgedEdge edge) {
        return transitions(downstream.transitionsByCommand(), edge);
    }

    private static int transitions(Map<String, Map<String, Integer>> transitionsByCommand, AcknowledgedEdge edge) {
        Map<String, Integer> byType = transitionsByCommand.getOrDefault(edge.commandId(), Map.of());
        Set<String> wanted = edge.raise() ? RAISE_TRANSITIONS : CLEAR_TRANSITIONS;
        return byType.entrySet().stream().filter(e -> wanted.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    /**
     * Acknowledged edges without their transition on the grid.case-events topic: lost before the read model, in
     * the case cycle or on the way to it. The rest of {@link #lost()} was lost by the projection into PostGIS.
     */
    long lostBeforeReadModel() {
        return acknowledged.stream()
                .filter(e -> transitions(downstream.caseCycle().transitionsByCommand(), e) == 0).count();
    }

    /** Intake ids that made more than one transition already on the grid.case-events topic. */
    long duplicatedBeforeReadModel() {
        return duplicates(downstream.caseCycle().transitionsByCommand()).size();
    }

    long lost() {
        return lostIds.size() + downstream.casesWithGaps();
    }

    long duplicated() {
        return duplicatedIds.size();
    }

    boolean passed() {
        return lost() == 0 && duplicated() == 0;
    }

    long raises() {
        return acknowledged.stream().filter(AcknowledgedEdge::raise).count();
    }

    long acknowledgedBeforeFault() {
        return acknowledged.stream().filter(e -> e.acknowledgedAt().isBefore(brokenAt)).count();
    }

    /**
     * Edges acknowledged while the fault lasted: for edge-cutoff, the ones the node could only keep in its outbox,
     * since it had no way to the broker.
     */
    long acknowledgedWhileDown() {
        return whileDown().count();
    }

    /** Of {@link #acknowledgedWhileDown()}, those in grid.intake now: the backlog the node forwarded afterwards. */
    long acknowledgedWhileDownInIntake() {
        return whileDown().filter(e -> downstream.intakeById().containsKey(e.intakeId())).count();
    }

    private java.util.stream.Stream<AcknowledgedEdge> whileDown() {
        return acknowledged.stream()
                .filter(e -> !e.acknowledgedAt().isBefore(brokenAt) && e.acknowledgedAt().isBefore(restoredAt));
    }

    long acknowledgedAfterFault() {
        return acknowledged.size() - acknowledgedBeforeFault();
    }

    /** Records in grid.intake, from any node. */
    long intakeRecords() {
        return downstream.intakeRecords();
    }

    long distinctIntakeIds() {
        return downstream.intakeById().size();
    }

    /** Intake ids that arrived more than once: the forwarder's resends after the crash (allowed). */
    long resentIntakeIds() {
        return downstream.intakeById().values().stream().filter(n -> n > 1).count();
    }
}
