package org.citygrid.cloud.ledger;

import java.util.List;
import java.util.Objects;

/**
 * What the ledger sets off after each decision, grouped by what it does. Each part is an interface
 * of this package implemented in its feature's own package, so the ledger knows none of them.
 *
 * @param filing      the next step a rule takes on its own: automatic filing ({@code filing})
 * @param dispatching and automatic dispatch ({@code dispatch})
 * @param trackers    what follows every event: the open-case index ({@code duplicates}), handler load
 *                    ({@code dispatch}), indicator tallies ({@code indicators}), meters
 * @param deadlines   the SLA clock ({@code sla})
 * @param notices     who is told ({@code notify})
 */
public record FollowUps(Filing filing, Dispatching dispatching, List<CaseTracker> trackers, Deadlines deadlines,
                        Notices notices) {

    public FollowUps {
        Objects.requireNonNull(filing, "filing");
        Objects.requireNonNull(dispatching, "dispatching");
        trackers = List.copyOf(trackers);
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(notices, "notices");
    }
}
