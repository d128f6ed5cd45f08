package org.citygrid.cloud.streams;

import java.util.List;
import java.util.function.Supplier;
import org.citygrid.cloud.duplicates.IntakeRouter;
import org.citygrid.cloud.indicators.IndicatorBuffer;
import org.citygrid.cloud.ledger.CaseLedger;
import org.citygrid.cloud.ledger.CaseOutput;
import org.citygrid.cloud.sla.SlaPolicy;
import org.citygrid.cloud.sla.SlaSchedule;
import org.citygrid.cloud.streams.stores.BufferedTable;
import org.citygrid.contracts.deadletters.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's case cycle: the ledger and its follow-ups on the task's state stores, whose writes wait
 * in {@link BufferedTable}s until the work for one input is done. {@link #attempt} runs that work
 * all or nothing, a bounded number of times, and sets the input aside when it keeps failing, so
 * one record cannot stop its partition and leaves no half of its work behind.
 */
final class CaseTask {

    /** How often the work for one input is tried before the input is set aside. */
    static final int MAX_ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(CaseTask.class);

    final CaseLedger ledger;
    final IntakeRouter router;
    final SlaSchedule schedule;
    final SlaPolicy policy;
    final IndicatorBuffer tallies;
    private final List<BufferedTable<?>> buffers;
    private final DeadLetters letters;

    CaseTask(CaseLedger ledger, IntakeRouter router, SlaSchedule schedule, SlaPolicy policy, IndicatorBuffer tallies,
             List<BufferedTable<?>> buffers, DeadLetters letters) {
        this.ledger = ledger;
        this.router = router;
        this.schedule = schedule;
        this.policy = policy;
        this.tallies = tallies;
        this.buffers = List.copyOf(buffers);
        this.letters = letters;
    }

    /** Where an input came from, for its dead letter. */
    record Input(String topic, int partition, long offset, String key, byte[] payload) {
    }

    /**
     * Runs {@code work} and writes what it changed to the stores, or, when it fails for a reason of the
     * input's own {@link #MAX_ATTEMPTS} times, forgets what it changed and returns the input's dead
     * letter instead. Kafka's own failures are not retried here: they fail the task.
     *
     * @return what to publish
     */
    List<CaseOutput> attempt(Input input, Supplier<List<CaseOutput>> work) {
        for (int attempt = 1; ; attempt++) {
            List<CaseOutput> out;
            try {
                out = work.get();
            } catch (RuntimeException e) {
                discard();
                if (ErrorHandlers.notTheRecord(e)) {
                    throw e;
                }
                if (attempt >= MAX_ATTEMPTS) {
                    DeadLetter letter = letters.letter("processing", input.topic(), input.partition(), input.offset(),
                            input.key(), input.payload(), DeadLetters.reason(e), attempt);
                    return List.of(new CaseOutput.DeadLettered(letter));
                }
                LOG.warn("event=retry record={}/{}/{} attempt={} reason={}", input.topic(), input.partition(), input.offset(),
                        attempt, DeadLetters.reason(e));
                continue;
            }
            commit();
            return out;
        }
    }

    /** Writes what is pending to the stores: after work that cannot fail for an input's sake. */
    void commit() {
        buffers.forEach(BufferedTable::commit);
    }

    private void discard() {
        buffers.forEach(BufferedTable::discard);
    }
}
