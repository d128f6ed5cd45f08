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
 *   <li><b>duplicated</b>: an intake id that made more than one case transition. Not a second record of the same
 *   intake id in {@code grid.intake}: the edge node forwards at least once, so after a crash it may send again
 *   what Kafka already had, and the case cycle refuses such a resend of a raise ({@code DUPLICATE_SOURCE}). Those
 *   resends are counted, and they are allowed.</li>
 *   <li>cases with a gap in their versions: a transition missing from the read model (also a loss).</li>
 * </ul>
 */
record EdgeKillCount(Readings readings, List<AcknowledgedEdge> acknowledged, Instant killedAt,
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

    static EdgeKillCount of(AlarmLoad load, Instant killedAt, String nodeId, Downstream.Snapshot downstream) {
        return of(new Readings(load.sent(), load.acknowledged(), load.unanswered(), load.refused(), load.abandoned()),
                load.edges(), killedAt, nodeId, downstream);
    }

    static EdgeKillCount of(Readings readings, List<AcknowledgedEdge> edges, Instant killedAt, String nodeId,
                            Downstream.Snapshot downstream) {
        Set<String> lost = new TreeSet<>();
        for (AcknowledgedEdge edge : edges) {
            if (!downstream.intakeById().containsKey(edge.intakeId()) || transitions(downstream, edge) == 0) {
                lost.add(edge.intakeId());
            }
        }
        Set<String> duplicated = new TreeSet<>();
        downstream.transitionsByCommand().forEach((command, byType) -> {
            int caused = byType.entrySet().stream()
                    .filter(e -> RAISE_TRANSITIONS.contains(e.getKey()) || CLEAR_TRANSITIONS.contains(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            if (caused > 1) {
                duplicated.add(command.substring("intake:".length()));
            }
        });
        Set<String> acknowledgedIds = new HashSet<>();
        edges.forEach(e -> acknowledgedIds.add(e.intakeId()));
        Set<String> extra = new TreeSet<>();
        downstream.intakeById().keySet().stream()
                .filter(id -> id.startsWith(nodeId + ":") && !acknowledgedIds.contains(id))
                .forEach(extra::add);
        return new EdgeKillCount(readings, edges, killedAt, downstream, lost, duplicated, extra);
    }

    /** Whether every acknowledged edge has reached the read model: the drill waits for this (or gives up). */
    boolean drained() {
        return lostIds.isEmpty();
    }

    static int transitions(Downstream.Snapshot downstream, AcknowledgedEdge edge) {
        Map<String, Integer> byType = downstream.transitionsByCommand().getOrDefault(edge.commandId(), Map.of());
        Set<String> wanted = edge.raise() ? RAISE_TRANSITIONS : CLEAR_TRANSITIONS;
        return byType.entrySet().stream().filter(e -> wanted.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
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

    long acknowledgedBeforeKill() {
        return acknowledged.stream().filter(e -> e.acknowledgedAt().isBefore(killedAt)).count();
    }

    long acknowledgedAfterKill() {
        return acknowledged.size() - acknowledgedBeforeKill();
    }

    /** Records in grid.intake from the killed node. */
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
