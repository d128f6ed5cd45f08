package org.citygrid.demo.drills;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.citygrid.demo.Console;
import org.citygrid.demo.Schedule;

/**
 * While the edge is cut off, says now and then what it holds: the alarm edges the sensors got a 2.04 for since the
 * cut, how many of those reached {@code grid.intake} (none should, while the link is down: the proof that the cut
 * is real), and the node's own outbox depth and forward failures from its {@code /health}. Read from the outside
 * like the count; cloud-backend's side of the broker is up, so reading the topics is safe.
 */
final class CutWatch {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    /** About six lines per cut, at least 5 s and at most a minute apart. */
    private static final Duration LEAST = Duration.ofSeconds(5);
    private static final Duration MOST = Duration.ofSeconds(60);

    private final Console console;
    private final AlarmLoad load;
    private final Downstream downstream;
    private final EdgeHealth health;
    private final String nodeId;
    private final Instant cutAt;

    CutWatch(Console console, AlarmLoad load, Downstream downstream, EdgeHealth health, String nodeId, Instant cutAt) {
        this.console = console;
        this.load = load;
        this.downstream = downstream;
        this.health = health;
        this.nodeId = nodeId;
        this.cutAt = cutAt;
    }

    /** Reports until {@code down} after {@code cutNanos}, then returns: the cut's length is the drill's schedule. */
    void until(long cutNanos, Duration down) throws InterruptedException {
        Duration every = down.dividedBy(6);
        every = every.compareTo(LEAST) < 0 ? LEAST : every.compareTo(MOST) > 0 ? MOST : every;
        long end = cutNanos + down.toNanos();
        long next = cutNanos + every.toNanos();
        while (next < end) {
            Schedule.sleepUntil(next);
            console.say("  " + line(Duration.ofNanos(System.nanoTime() - cutNanos)));
            next += every.toNanos();
        }
        Schedule.sleepUntil(end);
    }

    private String line(Duration cutFor) {
        List<AcknowledgedEdge> edges = load.edges();
        var intake = downstream.read().intakeById();
        long sinceCut = edges.stream().filter(e -> !e.acknowledgedAt().isBefore(cutAt)).count();
        long sinceCutInIntake = edges.stream().filter(e -> !e.acknowledgedAt().isBefore(cutAt))
                .filter(e -> intake.containsKey(e.intakeId())).count();
        long held = edges.stream().filter(e -> !intake.containsKey(e.intakeId())).count();
        String node = health.read()
                .map(h -> "outbox depth " + h.outboxDepth() + ", oldest " + Math.round(h.forwardLagSeconds())
                        + " s, forward failures " + h.forwardFailures())
                .orElse("no answer to GET /health");
        return TIME.format(Instant.now()) + " cut for " + cutFor.toSeconds() + " s: " + sinceCut
                + " alarm edges acknowledged since the cut, " + sinceCutInIntake + " of them in grid.intake;"
                + " acknowledged, not in grid.intake: " + held + "; " + nodeId + " says: " + node;
    }
}
