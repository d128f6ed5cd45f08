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
 * clock and the flush of its indicator tallies: both punctuators are scheduled here because they
 * act on the same stores with the same ledger.
 */
public final class CommandProcessor implements Processor<String, CaseCommand, String, CaseOutput> {

    private final LedgerFactory ledgers;
    private final Duration slaInterval;
    private final Duration indicatorFlush;
    private ProcessorContext<String, CaseOutput> context;
    private CaseLedger ledger;

    public CommandProcessor(LedgerFactory ledgers, Duration slaInterval, Duration indicatorFlush) {
        this.ledgers = ledgers;
        this.slaInterval = slaInterval;
        this.indicatorFlush = indicatorFlush;
    }

    @Override
    public void init(ProcessorContext<String, CaseOutput> context) {
        this.context = context;
        this.ledger = ledgers.ledger(context);
        SlaSchedule schedule = new SlaSchedule(context.getStateStore(SlaSchedule.STORE));
        // wall-clock time: deadlines pass whether or not any record arrives
        context.schedule(slaInterval, PunctuationType.WALL_CLOCK_TIME,
                new SlaPunctuator(context, ledger, schedule, ledgers.sla()));
        // the partition's summed indicator tallies go out once per interval, not once per fact
        context.schedule(indicatorFlush, PunctuationType.WALL_CLOCK_TIME, now -> ledger.flushIndicators()
                .forEach(out -> context.forward(new Record<>(out.key(), out, now))));
    }

    @Override
    public void process(Record<String, CaseCommand> in) {
        List<CaseOutput> outputs = ledger.handle(in.value());
        for (CaseOutput out : outputs) {
            context.forward(new Record<>(out.key(), out, in.timestamp(), in.headers()));
        }
    }
}
