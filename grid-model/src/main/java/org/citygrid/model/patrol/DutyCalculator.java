package org.citygrid.model.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.citygrid.model.grid.GridCode;
import org.citygrid.model.grid.GridIndex;
import org.citygrid.model.grid.UnitGrid;

/**
 * A shift's on-duty rate and coverage from the supervisor's track (docs/evaluation.md, "Duty"):
 * each track point inside the shift stands for the time until the next point, but for at most
 * {@code maxGap} (a phone that stopped posting is not on duty); that time is on duty when the point
 * lies in the patrol area (in one of its grids, or within the index's tolerance of one). The grids
 * with a point of the shift are visited.
 */
public final class DutyCalculator {

    /** The app posts a position at least every minute while on duty; five missed ones end the covered time. */
    public static final Duration DEFAULT_MAX_GAP = Duration.ofMinutes(5);

    private final GridIndex grids;
    private final Duration maxGap;

    public DutyCalculator(GridIndex grids, Duration maxGap) {
        this.grids = Objects.requireNonNull(grids, "grids");
        if (maxGap.isNegative() || maxGap.isZero()) {
            throw new IllegalArgumentException("the longest gap between points is positive, not " + maxGap);
        }
        this.maxGap = maxGap;
    }

    public DutyCalculator(GridIndex grids) {
        this(grids, DEFAULT_MAX_GAP);
    }

    /**
     * @param track the supervisor's points; others' and those outside the shift are left out
     * @throws IllegalArgumentException when the area is not the shift's
     */
    public DutyReport duty(Shift shift, PatrolArea area, List<TrackPoint> track) {
        if (!area.id().equals(shift.areaId())) {
            throw new IllegalArgumentException("shift " + shift + " is in area " + shift.areaId() + ", not " + area.id());
        }
        List<TrackPoint> points = track.stream()
                .filter(p -> p.supervisor().equals(shift.supervisor()) && shift.contains(p.at()))
                .sorted(Comparator.comparing(TrackPoint::at)).toList();
        Duration onDuty = Duration.ZERO;
        TreeSet<GridCode> visited = new TreeSet<>();
        for (int i = 0; i < points.size(); i++) {
            TrackPoint p = points.get(i);
            Optional<GridCode> grid = grids.locate(p.position()).assignedGrid().map(UnitGrid::code).filter(area::covers);
            if (grid.isEmpty()) {
                continue;
            }
            visited.add(grid.get());
            Instant next = i + 1 < points.size() ? points.get(i + 1).at() : shift.end();
            Instant until = min(min(next, p.at().plus(maxGap)), shift.end());
            onDuty = onDuty.plus(Duration.between(p.at(), until));
        }
        return new DutyReport(shift, onDuty, area.grids().size(), List.copyOf(visited));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
