package org.citygrid.cloud.duplicates;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.citygrid.cloud.commands.CaseLedger;
import org.citygrid.cloud.commands.CaseOutput;
import org.citygrid.cloud.commands.LedgerFactory;
import org.citygrid.cloud.geocode.LocatedIntake;
import org.citygrid.cloud.keys.CaseIds;
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
 * ({@code ClearAlarm}). Runs in the task that owns the record's community, where the community's
 * open cases are.
 *
 * <p>Commands caused by intake carry {@code intake:<intakeId>} as their id and the time the record
 * reached Kafka as their time, so reprocessing a record decides exactly as the first time.
 */
public final class IntakeRouter implements Processor<String, LocatedIntake, String, CaseOutput> {

    public static final Actor ACTOR = Actor.system("case-cycle");

    private final LedgerFactory ledgers;
    private final DuplicateRule rule;
    private ProcessorContext<String, CaseOutput> context;
    private CaseLedger ledger;
    private OpenCaseIndex openCases;

    public IntakeRouter(LedgerFactory ledgers, DuplicateRule rule) {
        this.ledgers = ledgers;
        this.rule = rule;
    }

    @Override
    public void init(ProcessorContext<String, CaseOutput> context) {
        this.context = context;
        this.ledger = ledgers.ledger(context);
        this.openCases = ledgers.openCases(context);
    }

    @Override
    public void process(Record<String, LocatedIntake> in) {
        LocatedIntake intake = in.value();
        IntakeRecord record = intake.record();
        Instant at = Instant.ofEpochMilli(in.timestamp());
        String community = intake.communityCode();
        String commandId = "intake:" + record.intakeId();
        if (record.clearsAlarm()) {
            clear(in, intake, at, commandId);
            return;
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
        forward(in, outputs);
    }

    private void clear(Record<String, LocatedIntake> in, LocatedIntake intake, Instant at, String commandId) {
        IntakeRecord record = intake.record();
        String episode = record.alarm().episodeId();
        Optional<OpenCase> open = openCases.withEpisode(intake.communityCode(), episode);
        if (open.isEmpty()) {
            forward(in, List.of(new CaseOutput.IntakeRefused(new IntakeRejection(record.intakeId(),
                    IntakeRejection.Reason.UNMATCHED_CLEAR,
                    "no open case holds alarm episode " + episode + " of device " + record.deviceId(),
                    WireCodec.intake().writeString(record), at))));
            return;
        }
        forward(in, ledger.handle(CaseCommand.of(commandId, open.get().caseId(), ACTOR, at,
                new CaseAction.ClearAlarm(episode, record.intakeId()))));
    }

    private void forward(Record<String, LocatedIntake> in, List<CaseOutput> outputs) {
        for (CaseOutput out : outputs) {
            context.forward(new Record<>(out.key(), out, in.timestamp(), in.headers()));
        }
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
