package org.citygrid.edge.metrics;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one edge node, shown in /health. */
public final class EdgeMetrics {

    public final LongAdder readingsAccepted = new LongAdder();
    public final LongAdder readingsWithoutRule = new LongAdder();
    public final LongAdder alarmsRaised = new LongAdder();
    public final LongAdder alarmsCleared = new LongAdder();
    public final LongAdder reportsAccepted = new LongAdder();
    public final LongAdder reportsDuplicate = new LongAdder();
    public final LongAdder forwarded = new LongAdder();
    public final LongAdder forwardFailures = new LongAdder();
    /** Rules files that did not parse; the node kept the previous rules each time. */
    public final LongAdder rulesReloadFailures = new LongAdder();
    /** Registry files that did not parse; the node kept the previous registry each time. */
    public final LongAdder registryReloadFailures = new LongAdder();
    private final Map<RejectReason, LongAdder> rejected = new EnumMap<>(RejectReason.class);

    public EdgeMetrics() {
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, new LongAdder());
        }
    }

    public void rejected(RejectReason reason) {
        rejected.get(reason).increment();
    }

    public long rejectedCount(RejectReason reason) {
        return rejected.get(reason).sum();
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("readings", readingsAccepted.sum());
        accepted.put("readingsWithoutRule", readingsWithoutRule.sum());
        accepted.put("alarmsRaised", alarmsRaised.sum());
        accepted.put("alarmsCleared", alarmsCleared.sum());
        accepted.put("reports", reportsAccepted.sum());
        accepted.put("duplicateReports", reportsDuplicate.sum());
        Map<String, Object> refused = new LinkedHashMap<>();
        rejected.forEach((r, n) -> refused.put(r.label(), n.sum()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", accepted);
        out.put("rejected", refused);
        out.put("forwarded", forwarded.sum());
        out.put("forwardFailures", forwardFailures.sum());
        out.put("rulesReloadFailures", rulesReloadFailures.sum());
        out.put("registryReloadFailures", registryReloadFailures.sum());
        return out;
    }
}
