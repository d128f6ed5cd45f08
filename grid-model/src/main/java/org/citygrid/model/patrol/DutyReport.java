package org.citygrid.model.patrol;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.citygrid.model.grid.GridCode;

/**
 * One shift's duty, with the inputs of its two figures.
 *
 * @param shift        the shift
 * @param onDuty       在岗时长: the time covered by track points inside the patrol area
 * @param gridsInArea  the area's unit grids
 * @param visited      the area's grids with at least one track point of the shift, in code order
 */
public record DutyReport(Shift shift, Duration onDuty, int gridsInArea, List<GridCode> visited) {

    public DutyReport {
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(onDuty, "onDuty");
        visited = List.copyOf(visited);
    }

    /** 在岗率 = 在岗时长 / 应在岗时长 (the shift's length), between 0 and 1. */
    public double onDutyRate() {
        return (double) onDuty.toMillis() / shift.length().toMillis();
    }

    /** 巡查覆盖率 = grids visited / grids of the area, between 0 and 1. */
    public double coverage() {
        return (double) visited.size() / gridsInArea;
    }
}
