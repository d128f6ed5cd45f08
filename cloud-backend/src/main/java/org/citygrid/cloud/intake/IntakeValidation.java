package org.citygrid.cloud.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.citygrid.cloud.ledger.InputLimit;
import org.citygrid.model.cases.CaseRules;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.intake.IntakeRecord;
import org.citygrid.model.intake.IntakeRejection;
import org.citygrid.model.intake.IntakeRejection.Reason;
import org.citygrid.model.wire.WireCodec;
import org.citygrid.model.wire.WireFormatException;
import org.citygrid.model.wire.WireJson;

/**
 * Parses an intake record and settles its category. Anything that is not a valid v1 intake record,
 * names a category the catalogue does not have, or comes from a sensor type that raises nothing is
 * refused with its reason and the payload as received, so the producer can see and fix it. So is a
 * record larger than {@link InputLimit#MAX_RECORD_BYTES} ({@code MALFORMED}).
 */
public final class IntakeValidation {

    private final CaseRules rules;
    private final SensorCategories sensors;
    public IntakeValidation(CaseRules rules, SensorCategories sensors) {
        this.rules = rules;
        this.sensors = sensors;
    }

    /** @param at when the record reached Kafka */
    public Checked<ValidIntake> check(String key, byte[] bytes, Instant at) {
        String payload = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        IntakeRecord record;
        try {
            String tooLarge = InputLimit.problem(bytes, "intake record");
            if (tooLarge != null) {
                throw new WireFormatException(tooLarge);
            }
            record = WireCodec.intake().read(bytes);
        } catch (WireFormatException e) {
            return Checked.refused(new IntakeRejection(idOf(payload, key), Reason.MALFORMED, e.getMessage(), payload, at));
        }
        if (record.channel() == Channel.SENSOR) {
            return sensorCategory(record, payload, at);
        }
        if (!rules.knowsCategory(record.categoryCode())) {
            return refuse(record, Reason.UNKNOWN_CATEGORY,
                    "there is no category " + record.categoryCode() + " in the catalogue", payload, at);
        }
        return Checked.passed(new ValidIntake(record, record.categoryCode(), payload));
    }

    private Checked<ValidIntake> sensorCategory(IntakeRecord record, String payload, Instant at) {
        String type = record.sensorType();
        if (!sensors.knowsType(type) || sensors.defaultFor(type).isEmpty()) {
            return refuse(record, Reason.UNKNOWN_SENSOR_TYPE, "no category is raised by sensor type " + type, payload, at);
        }
        String named = record.categoryCode();
        if (named != null && !sensors.categoriesOf(type).contains(named)) {
            return refuse(record, Reason.UNKNOWN_CATEGORY, "sensor type " + type + " raises "
                    + sensors.categoriesOf(type) + ", not " + named, payload, at);
        }
        String category = named != null ? named : sensors.defaultFor(type).orElseThrow();
        return Checked.passed(new ValidIntake(record, category, payload));
    }

    private static Checked<ValidIntake> refuse(IntakeRecord record, Reason reason, String message, String payload,
                                               Instant at) {
        return Checked.refused(new IntakeRejection(record.intakeId(), reason, message, payload, at));
    }

    /** The intake id of a record too broken to parse, if it has one; else the message key. */
    private static String idOf(String payload, String key) {
        if (payload != null) {
            try {
                JsonNode id = WireJson.mapper().readTree(payload).path("intakeId");
                if (id.isTextual() && !id.asText().isBlank()) {
                    return id.asText();
                }
            } catch (Exception notJson) {
                // the key is all there is
            }
        }
        return key;
    }
}
