package org.citygrid.demo.drills;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.citygrid.demo.simulator.Threshold;

/**
 * Which acknowledged readings were alarm edges, worked out outside the node. The node's 2.04 says only that
 * every edge the pack completed is durable, not whether there was one, so the drill keeps each device's episode
 * state (last episode number, open or not) from the readings the node acknowledged, in order.
 *
 * <p>That is exact only with a debounce of one reading and no minimum duration, which the drill's rules use: the
 * node's state is then its episode number and whether it is open, both of which it keeps over a SIGKILL (from
 * {@code episodes.json} and the outbox). A longer debounce streak is deliberately forgotten by a restart
 * (docs/edge-node.md), so the node's edge would come a few readings later than any outside model could tell.
 * A pack that was made durable but not answered before the kill is resent unchanged and answered by the new
 * process; whichever process made its edge durable, the edge has the episode number this mirror gives it.
 */
final class EdgeMirror {
    private final String nodeId;
    private final Map<String, State> states = new HashMap<>();

    EdgeMirror(String nodeId) {
        this.nodeId = nodeId;
    }

    private record State(long lastSeq, boolean open) {
    }

    /** The edge the acknowledged reading completed, if it completed one. */
    synchronized Optional<AcknowledgedEdge> acknowledged(String deviceId, Threshold rule, double value, Instant at) {
        State state = states.getOrDefault(deviceId, new State(0, false));
        boolean above = "ABOVE".equals(rule.direction());
        if (!state.open() && (above ? value >= rule.raiseAt() : value <= rule.raiseAt())) {
            long seq = state.lastSeq() + 1;
            states.put(deviceId, new State(seq, true));
            return Optional.of(edge(deviceId, seq, true, at));
        }
        if (state.open() && (above ? value <= rule.clearAt() : value >= rule.clearAt())) {
            states.put(deviceId, new State(state.lastSeq(), false));
            return Optional.of(edge(deviceId, state.lastSeq(), false, at));
        }
        return Optional.empty();
    }

    private AcknowledgedEdge edge(String deviceId, long seq, boolean raise, Instant at) {
        return new AcknowledgedEdge(nodeId + ":" + deviceId + ":ep-" + seq + (raise ? ":RAISED" : ":CLEARED"),
                deviceId, seq, raise, at);
    }
}
