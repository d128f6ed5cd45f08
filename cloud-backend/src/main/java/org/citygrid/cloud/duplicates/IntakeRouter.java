package org.citygrid.cloud.duplicates;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.citygrid.cloud.geocode.LocatedIntake;
import org.citygrid.cloud.keys.CaseIds;
import org.citygrid.cloud.ledger.CaseLedger;
import org.citygrid.cloud.ledger.CaseOutput;
import org.citygrid.model.cases.Actor;
import org.citygrid.model.cases.CaseAction;
import org.citygrid.model.cases.CaseCommand;
import org.citygrid.model.cases.ReportDetails;
import org.citygrid.model.intake.IntakeRecord;
import org.citygrid.model.intake.IntakeRejection;
import org.citygrid.model.wire.WireCodec;

/**
 * Turns a placed intake record into a case command: a new case ({@code Report}), extra evidence for
 * the open case it duplicates ({@code MergeDuplicate}), or the end of a sensor alarm
 * ({@code ClearAlarm}), and has the ledger decide it. Runs in the task that owns the record's
 * community, where the community's open cases are.
 *
 * <p>Commands caused by intake carry {@code intake:<intakeId>} as their id and the time the record
 * reached Kafka as their time, so reprocessing a record decides exactly as the first time.
 */
public final class IntakeRouter {

    public static final Actor ACTOR = Actor.system("case-cycle");

    private final CaseLedger ledger;
    private final OpenCaseIndex openCases;
    private final DuplicateRule rule;

    public IntakeRouter(CaseLedger ledger, OpenCaseIndex openCases, DuplicateRule rule) {
        this.ledger = ledger;
        this.openCases = openCases;
        this.rule = rule;
    }

    /**
     * @param at when the record reached Kafka
     * @return what to publish, in order
     */
    public List<CaseOutput> route(LocatedIntake intake, Instant at) {
        IntakeRecord record = intake.record();
        String community = intake.communityCode();
        String commandId = "intake:" + record.intakeId();
        if (record.clearsAlarm()) {
            return clear(intake, at, commandId);
        }
        ReportDetails details = new ReportDetails(record.intakeId(), record.channel(), intake.categoryCode(),
                intake.gridCode(), record.position(), describe(record), record.reporterId(), record.anonymous(),
                record.observedAt(), record.media());
        Optional<OpenCase> duplicateOf = rule.match(intake, openCases.near(community, record.position()));
        CaseCommand command = duplicateOf
                .map(open -> CaseCommand.of(commandId, open.caseId(), ACTOR, at, new CaseAction.MergeDuplicate(details)))
                .orElseGet(() -> CaseCommand.of(commandId, CaseIds.forReport(intake.gridCode(), at, record.intakeId()),
                        ACTOR, at, new CaseAction.Report(details)));
        List<CaseOutput> outputs = ledger.handle(command);
        boolean accepted = outputs.stream().anyMatch(CaseOutput.Event.class::isInstance);
        if (accepted && record.alarm() != null) {
            openCases.addEpisode(community, command.caseId(), new OpenCase.Episode(record.deviceId(), record.alarm().episodeId()));
        }
        return outputs;
    }

    private List<CaseOutput> clear(LocatedIntake intake, Instant at, String commandId) {
        IntakeRecord record = intake.record();
        String episode = record.alarm().episodeId();
        Optional<OpenCase> open = openCases.withEpisode(intake.communityCode(), episode);
        if (open.isEmpty()) {
            return List.of(new CaseOutput.IntakeRefused(new IntakeRejection(record.intakeId(),
                    IntakeRejection.Reason.UNMATCHED_CLEAR,
                    "no open case holds alarm episode " + episode + " of device " + record.deviceId(),
                    WireCodec.intake().writeString(record), at)));
        }
        return ledger.handle(CaseCommand.of(commandId, open.get().caseId(), ACTOR, at,
                new CaseAction.ClearAlarm(episode, record.intakeId())));
    }

    /** Sensor alarms come without words; say what the sensor measured. */
    private static String describe(IntakeRecord record) {
        if (!record.description().isBlank() || record.alarm() == null) {
            return record.description();
        }
        var alarm = record.alarm();
        return record.sensorType() + " " + alarm.quantity() + " " + alarm.value() + " " + alarm.unit()
                + (alarm.threshold() == null ? "" : " (threshold " + alarm.threshold() + ")");
    }
}
