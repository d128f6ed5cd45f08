package org.citygrid.cloud.commands;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.citygrid.cloud.sla.SlaPunctuator;
import org.citygrid.cloud.sla.SlaSchedule;
import org.citygrid.model.cases.CaseCommand;

/**
 * Applies the commands people and services send to their cases, and runs the partition's SLA
 * clock: the punctuator is scheduled here because it acts on the same cases with the same ledger.
 */
public final class CommandProcessor implements Processor<String, CaseCommand, String, CaseOutput> {

    private final LedgerFactory ledgers;
    private final Duration slaInterval;
    private ProcessorContext<String, CaseOutput> context;
    private CaseLedger ledger;

    public CommandProcessor(LedgerFactory ledgers, Duration slaInterval) {
        this.ledgers = ledgers;
        this.slaInterval = slaInterval;
    }

    @Override
    public void init(ProcessorContext<String, CaseOutput> context) {
        this.context = context;
        this.ledger = ledgers.ledger(context);
        SlaSchedule schedule = new SlaSchedule(context.getStateStore(SlaSchedule.STORE));
        // wall-clock time: deadlines pass whether or not any record arrives
        context.schedule(slaInterval, PunctuationType.WALL_CLOCK_TIME,
                new SlaPunctuator(context, ledger, schedule, ledgers.sla()));
    }

    @Override
    public void process(Record<String, CaseCommand> in) {
        List<CaseOutput> outputs = ledger.handle(in.value());
        for (CaseOutput out : outputs) {
            context.forward(new Record<>(out.key(), out, in.timestamp(), in.headers()));
        }
    }
}
