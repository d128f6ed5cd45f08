package org.citygrid.demo.drills;

import java.time.Instant;

/**
 * An alarm edge (a raise or a clear of one episode) that the edge node answered 2.04 for: by the node's
 * contract it was durable in the outbox before that answer, so it must reach {@code grid.intake} and make its
 * case transition, whatever happens to the node afterwards.
 *
 * @param intakeId       the id the node gives it, {@code <node>:<device>:ep-<n>:RAISED|CLEARED} (docs/edge-node.md)
 * @param acknowledgedAt when the sensor got the 2.04
 */
public record AcknowledgedEdge(String intakeId, String deviceId, long episode, boolean raise, Instant acknowledgedAt) {

    /** The command id of the case transition it causes (docs/cloud-backend.md: {@code intake:<intakeId>}). */
    public String commandId() {
        return "intake:" + intakeId;
    }
}
