package org.citygrid.bench.e2e;

/**
 * One row of the scaling part: the same alarm rate at one size of one dimension.
 *
 * @param dimension   what the row's table varies
 * @param size        the size asked for in that dimension
 * @param openCases   cases open in the case cycle when the row's step began (seeded, plus the load's own)
 * @param seeded      open cases asked of the seeder before the step (0 when none were seeded)
 * @param sensors     sensors on the edge node, each its own DTLS session
 * @param grids       unit grids of the city
 * @param step        the step's figures
 * @param loadAverage the machine's one-minute load average at the end of the step
 */
public record ScaleRow(ScaleOptions.Dimension dimension, int size, int openCases, int seeded, int sensors, int grids,
                       StepResult step, double loadAverage) {

    /** Whether the row is at the base point: every dimension at its first size. */
    boolean isBase(ScaleOptions scale) {
        return seeded == scale.baseOpenCases() && sensors == scale.baseDevices() && grids == scale.baseGrids();
    }

    /** Raises settled per second over the offered rate. */
    public double share() {
        return step.processedPerSecond() / step.offered();
    }
}
