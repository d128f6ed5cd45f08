package org.citygrid.edge.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.citygrid.edge.alarms.AlarmEdge;
import org.citygrid.edge.alarms.AlarmEvaluator;
import org.citygrid.edge.alarms.AlarmRule;
import org.citygrid.edge.alarms.AlarmRules;
import org.citygrid.edge.alarms.EpisodeState;
import org.citygrid.edge.alarms.EpisodeStore;
import org.citygrid.edge.devices.Device;
import org.citygrid.edge.metrics.EdgeMetrics;
import org.citygrid.edge.metrics.RejectReason;
import org.citygrid.edge.outbox.Outbox;
import org.citygrid.edge.outbox.OutboxFullException;
import org.citygrid.edge.senml.Reading;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.intake.AlarmState;
import org.citygrid.model.intake.IntakeRecord;
import org.citygrid.model.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a device's readings into alarm edges and makes them durable: the messaging side of the
 * readings resource, free of CoAP.
 *
 * <p>A device's readings are evaluated under that device's lock, and its new episode state counts
 * only once the edges it produced are in the outbox: if the append fails (budget full, disk error)
 * the device is told so and its state is as if the readings had never arrived, so its resend is
 * evaluated afresh and raises exactly once.
 */
public final class ReadingIngest {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingIngest.class);

    private final String nodeId;
    private final Supplier<AlarmRules> rules;
    private final Outbox outbox;
    private final EpisodeStore episodeStore;
    private final EdgeMetrics metrics;
    private final Map<String, EpisodeState> states = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public ReadingIngest(String nodeId, Supplier<AlarmRules> rules, Outbox outbox, EpisodeStore episodeStore,
                         EdgeMetrics metrics) {
        this.nodeId = nodeId;
        this.rules = rules;
        this.outbox = outbox;
        this.episodeStore = episodeStore;
        this.metrics = metrics;
        restoreEpisodes();
        outbox.beforeDeletingSegments(this::saveEpisodes);
    }

    /** Snapshot, then every alarm edge of this node still in the outbox, newest winning. */
    private void restoreEpisodes() {
        episodeStore.load().forEach((device, e) -> states.put(device, new EpisodeState(e.lastSeq(), e.active(), 0, null)));
        outbox.scan(r -> {
            IntakeRecord rec = WireCodec.intake().read(r.value());
            if (rec.channel() != Channel.SENSOR || !nodeId.equals(rec.source()) || rec.alarm() == null) {
                return;
            }
            String id = rec.alarm().episodeId();
            long seq = Long.parseLong(id.substring(id.lastIndexOf(":ep-") + 4));
            boolean active = rec.alarm().state() == AlarmState.RAISED;
            EpisodeState known = states.getOrDefault(rec.deviceId(), EpisodeState.INITIAL);
            if (seq > known.lastSeq() || (seq == known.lastSeq() && known.active() && !active)) {
                states.put(rec.deviceId(), new EpisodeState(seq, active, 0, null));
            }
        });
        long open = states.values().stream().filter(EpisodeState::active).count();
        LOG.atInfo().addKeyValue("event", "episodes-restored").addKeyValue("devices", states.size())
                .addKeyValue("open", open).log("alarm episode state restored");
    }

    /** Writes the settled episode state of every device. */
    public void saveEpisodes() {
        Map<String, EpisodeStore.Entry> snapshot = new HashMap<>();
        states.forEach((d, s) -> snapshot.put(d, new EpisodeStore.Entry(s.lastSeq(), s.active())));
        episodeStore.save(snapshot);
    }

    /** The episode state of a device, for /health and specs. */
    public EpisodeState episode(String deviceId) {
        return states.getOrDefault(deviceId, EpisodeState.INITIAL);
    }

    /**
     * Evaluates a pack of readings from {@code device} and makes any alarm edges durable.
     *
     * @return the edges appended (often none)
     * @throws Rejected           for readings in the wrong unit or outside the physical range: the
     *                            whole pack is refused, nothing is evaluated
     * @throws OutboxFullException when the edges do not fit the disk budget; nothing changed
     */
    public List<AlarmEdge> ingest(Device device, List<Reading> readings) throws Rejected, OutboxFullException {
        var type = device.type().orElseThrow(() -> new Rejected(RejectReason.NOT_A_SENSOR,
                "device " + device.id() + " is registered as a field device, not a sensor: post reports to /r"));
        AlarmRule rule = rules.get().forType(type).orElse(null);
        if (rule == null) {
            metrics.readingsWithoutRule(readings.size());
            metrics.readingsAccepted(readings.size());
            return List.of();
        }
        List<Reading> relevant = new ArrayList<>();
        for (Reading r : readings) {
            if (!r.measures(rule.quantity())) {
                continue;
            }
            if (r.unit() != null && !r.unit().equals(rule.unit())) {
                throw new Rejected(RejectReason.UNIT_MISMATCH, r.name() + " is in '" + r.unit() + "'; a " + type.id()
                        + " reports " + rule.quantity() + " in '" + rule.unit() + "'");
            }
            if (!rule.inRange(r.value())) {
                throw new Rejected(RejectReason.OUT_OF_RANGE, r.name() + " = " + r.value() + " " + rule.unit()
                        + " is outside the physical range [" + rule.min() + ", " + rule.max() + "] of a " + type.id());
            }
            relevant.add(r);
        }
        relevant.sort(Comparator.comparing(Reading::time));
        ReentrantLock lock = locks.computeIfAbsent(device.id(), d -> new ReentrantLock());
        lock.lock();
        try {
            EpisodeState state = episode(device.id());
            List<AlarmEdge> edges = new ArrayList<>();
            for (Reading r : relevant) {
                AlarmEvaluator.Step step = AlarmEvaluator.step(rule, state, r);
                state = step.state();
                if (step.edge() != null) {
                    edges.add(step.edge());
                }
            }
            if (!edges.isEmpty()) {
                List<Outbox.Entry> entries = new ArrayList<>(edges.size());
                for (AlarmEdge e : edges) {
                    IntakeRecord record = AlarmIntake.record(nodeId, device, rule, e);
                    // Keyed by device, not intake id: an episode's raise and clear must share a partition,
                    // or the cloud could see the clear first.
                    entries.add(new Outbox.Entry(device.id(), WireCodec.intake().write(record)));
                }
                outbox.append(entries);
                for (AlarmEdge e : edges) {
                    if (e.state() == AlarmState.RAISED) {
                        metrics.alarmRaised();
                    } else {
                        metrics.alarmCleared();
                    }
                    LOG.atInfo().addKeyValue("event", e.state() == AlarmState.RAISED ? "alarm-raised" : "alarm-cleared")
                            .addKeyValue("device", device.id()).addKeyValue("episode", AlarmIntake.episodeId(device.id(), e.seq()))
                            .addKeyValue("value", e.reading().value()).addKeyValue("threshold", e.threshold())
                            .log("alarm {}", e.state().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            states.put(device.id(), state);
            metrics.readingsAccepted(readings.size());
            return edges;
        } finally {
            lock.unlock();
        }
    }
}
