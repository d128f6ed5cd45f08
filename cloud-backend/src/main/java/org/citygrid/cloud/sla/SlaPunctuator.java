package org.citygrid.cloud.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.citygrid.cloud.commands.CaseHistory;
import org.citygrid.cloud.commands.CaseLedger;
import org.citygrid.cloud.commands.CaseOutput;
import org.citygrid.model.cases.CaseCommand;

/**
 * Looks at the partition's due SLA alarms and sends the commands they call for (warn, mark
 * overdue, escalate) through the state machine. Alarms whose case has moved on (the stage
 * finished, the deadline was extended) are stale and simply dropped: the case's own events say
 * why. Acting on an alarm may set the next one (overdue sets the first escalation), which may be
 * due already after a long outage, so it looks again until nothing is due.
 */
public final class SlaPunctuator implements Punctuator {

    private static final int BATCH = 500;

    private final ProcessorContext<String, CaseOutput> context;
    private final CaseLedger ledger;
    private final SlaSchedule schedule;
    private final SlaPolicy policy;

    public SlaPunctuator(ProcessorContext<String, CaseOutput> context, CaseLedger ledger, SlaSchedule schedule,
                         SlaPolicy policy) {
        this.context = context;
        this.ledger = ledger;
        this.schedule = schedule;
        this.policy = policy;
    }

    @Override
    public void punctuate(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        List<SlaAlarm> due = schedule.takeDue(now, BATCH);
        while (!due.isEmpty()) {
            for (SlaAlarm alarm : due) {
                CaseHistory history = ledger.history(alarm.caseId());
                Optional<CaseCommand> command = history == null ? Optional.empty()
                        : policy.command(alarm, history.current(), now);
                command.ifPresent(c -> ledger.handle(c)
                        .forEach(out -> context.forward(new Record<>(out.key(), out, timestamp))));
            }
            due = schedule.takeDue(now, BATCH);
        }
    }
}
