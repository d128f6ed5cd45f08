package org.citygrid.cloud.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.citygrid.cloud.ledger.CaseOutput;
import org.citygrid.cloud.sla.SlaAlarm;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseCommand;

/**
 * A case processor: hands each input to its task's case cycle ({@code work}: the intake router or the
 * ledger), all or nothing and retried ({@link CaseTask#attempt}), and publishes what comes of it. The
 * command processor also runs the partition's clocks, scheduled here because they act on the same
 * stores: the SLA alarms, and the flush of the indicator tallies.
 *
 * @param <V> the input: a placed intake record, or a command
 */
final class CaseProcessor<V> implements Processor<String, V, String, CaseOutput> {

    /** Most SLA alarms taken from the store at once. */
    private static final int SLA_BATCH = 500;
    /** What an SLA alarm's dead letter gives as its topic: it comes from the store, not from a topic. */
    private static final String SLA_ALARMS = "(sla-alarms)";
    private static final JsonSerde<SlaAlarm> ALARMS = JsonSerde.of(SlaAlarm.class);

    private final CaseTasks tasks;
    private final BiFunction<CaseTask, Record<String, V>, List<CaseOutput>> work;
    private final Function<V, byte[]> payload;
    private final Clocks clocks;
    private ProcessorContext<String, CaseOutput> context;
    private CaseTask task;

    /** How often the partition's clocks run, for the processor that runs them. */
    record Clocks(Duration sla, Duration indicatorFlush) {
    }

    /**
     * @param payload the input as bytes, for a dead letter
     * @param clocks  the clocks to run, or null
     */
    CaseProcessor(CaseTasks tasks, BiFunction<CaseTask, Record<String, V>, List<CaseOutput>> work,
                  Function<V, byte[]> payload, Clocks clocks) {
        this.tasks = tasks;
        this.work = work;
        this.payload = payload;
        this.clocks = clocks;
    }

    @Override
    public void init(ProcessorContext<String, CaseOutput> context) {
        this.context = context;
        this.task = tasks.task(context);
        if (clocks != null) {
            // wall-clock time: deadlines pass whether or not any record arrives
            context.schedule(clocks.sla(), PunctuationType.WALL_CLOCK_TIME, this::slaClock);
            // the partition's summed indicator tallies go out once per interval, not once per fact
            context.schedule(clocks.indicatorFlush(), PunctuationType.WALL_CLOCK_TIME, this::flushTallies);
        }
    }

    @Override
    public void process(Record<String, V> in) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        CaseTask.Input input = new CaseTask.Input(meta == null ? "(unknown)" : meta.topic(), meta == null ? -1 : meta.partition(),
                meta == null ? -1 : meta.offset(), in.key(), payload.apply(in.value()));
        for (CaseOutput out : task.attempt(input, () -> work.apply(task, in))) {
            context.forward(new Record<>(out.key(), out, in.timestamp(), in.headers()));
        }
    }

    /**
     * Looks at the partition's due SLA alarms and sends the commands they call for (warn, mark overdue,
     * escalate) through the ledger. Alarms whose case has moved on (the stage finished, the deadline was
     * extended) are stale and simply dropped: the case's own events say why. Acting on an alarm may set
     * the next one (overdue sets the first escalation), which may be due already after a long outage, so
     * it looks again until nothing is due.
     */
    private void slaClock(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        List<SlaAlarm> due = task.schedule.takeDue(now, SLA_BATCH);
        while (!due.isEmpty()) {
            task.commit();
            for (SlaAlarm alarm : due) {
                CaseTask.Input input = new CaseTask.Input(SLA_ALARMS, context.taskId().partition(), -1,
                        alarm.key(), ALARMS.serializer().serialize(null, alarm));
                forward(task.attempt(input, () -> task.ledger.find(alarm.caseId())
                        .map(c -> act(alarm, c, now))
                        .orElse(List.of())), timestamp);
            }
            due = task.schedule.takeDue(now, SLA_BATCH);
        }
    }

    /**
     * The alarm's command through the ledger, whose changed case gets its next alarm. An alarm that calls for
     * nothing (stale) or whose command is refused changes no case: the alarm the case needs now replaces it.
     */
    private List<CaseOutput> act(SlaAlarm alarm, Case c, Instant now) {
        Optional<CaseCommand> command = task.policy.command(alarm, c, now);
        List<CaseOutput> out = command.map(task.ledger::handle).orElse(List.of());
        if (out.stream().noneMatch(CaseOutput.Event.class::isInstance)) {
            task.schedule.followAfter(alarm, c, now);
        }
        return out;
    }

    private void flushTallies(long timestamp) {
        List<CaseOutput> out = task.tallies.flush().stream().map(t -> (CaseOutput) new CaseOutput.Indicator(t)).toList();
        task.commit();
        forward(out, timestamp);
    }

    private void forward(List<CaseOutput> outputs, long timestamp) {
        for (CaseOutput out : outputs) {
            context.forward(new Record<>(out.key(), out, timestamp));
        }
    }
}
