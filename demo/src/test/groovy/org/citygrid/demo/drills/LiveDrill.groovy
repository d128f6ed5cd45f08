package org.citygrid.demo.drills

import spock.lang.Shared
import spock.lang.Specification

/**
 * The live drill specs' common frame: the drill runs once, at the {@link SmallDrill} size, before the features,
 * which then look at its count and its logs.
 */
abstract class LiveDrill extends Specification {
    @Shared
    SmallDrill drill
    @Shared
    DrillCount count

    /** The drill this spec runs. */
    abstract SmallDrill newDrill()

    def setupSpec() {
        drill = newDrill()
        count = drill.run()
    }

    /** The fault struck under load: the node acknowledged alarm edges both before it and after it. */
    void edgesAcknowledgedBeforeAndAfterTheFault() {
        assert count.acknowledgedBeforeFault() > 0
        assert count.acknowledgedAfterFault() > 0
    }

    /** On the case cycle's own topic, grid.case-events: each acknowledged edge made one transition, no gap. */
    void caseCycleCountedEveryEdgeOnce() {
        assert count.lostBeforeReadModel() == 0
        assert count.duplicatedBeforeReadModel() == 0
        assert count.downstream().caseCycle().casesWithGaps() == 0
    }

    /** At the end of the pipeline, the read model: nothing lost or duplicated, and the drill said PASS. */
    void readModelCountedEveryEdgeOnce() {
        assert count.lost() == 0
        assert count.duplicated() == 0
        assert drill.output().contains('PASS: no acknowledged event or case transition was lost or duplicated')
    }
}
