package org.citygrid.edge.ingest;

import java.util.Locale;
import org.citygrid.edge.alarms.AlarmEdge;
import org.citygrid.edge.alarms.AlarmRule;
import org.citygrid.edge.devices.Device;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.intake.AlarmState;
import org.citygrid.model.intake.IntakeRecord;
import org.citygrid.model.intake.SensorAlarm;

/**
 * The ids and the intake record of an alarm edge. Ids are derived from node, device and episode
 * number only, so the same edge always gets the same intake id, whether sent once, resent by the
 * forwarder after a Kafka outage, or resent after a crash.
 */
public final class AlarmIntake {

    private AlarmIntake() {
    }

    /** {@code <device>:ep-<seq>}, as in the wire-format examples. */
    public static String episodeId(String deviceId, long seq) {
        return deviceId + ":ep-" + seq;
    }

    /** {@code <node>:<device>:ep-<seq>:<RAISED|CLEARED>}. */
    public static String intakeId(String nodeId, String deviceId, long seq, AlarmState state) {
        return nodeId + ":" + episodeId(deviceId, seq) + ":" + state.name();
    }

    public static IntakeRecord record(String nodeId, Device device, AlarmRule rule, AlarmEdge edge) {
        String description = String.format(Locale.ROOT, "%s %s %s %s (threshold %s) %s", device.sensorType(),
                rule.quantity(), edge.reading().value(), rule.unit(), edge.threshold(),
                edge.state() == AlarmState.RAISED ? "raised" : "cleared");
        SensorAlarm alarm = new SensorAlarm(episodeId(device.id(), edge.seq()), edge.state(), rule.quantity(),
                edge.reading().value(), rule.unit(), edge.threshold());
        return new IntakeRecord(intakeId(nodeId, device.id(), edge.seq(), edge.state()), Channel.SENSOR, nodeId,
                edge.reading().time(), null, device.sensorType(), device.id(), alarm, device.position(), description,
                device.id(), false, null);
    }
}
