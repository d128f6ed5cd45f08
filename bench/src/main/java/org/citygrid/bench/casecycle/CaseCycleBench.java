package org.citygrid.bench.casecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.citygrid.bench.measure.LoadAverage;
import org.citygrid.bench.measure.Percentiles;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.demo.Console;

/**
 * The case-cycle benchmark (docs/benchmark.md, <i>The trusted case-cycle benchmark</i>): patrol reports through
 * cloud-backend's case cycle (report → file → dispatch) against a pass-through Kafka Streams topology with the same
 * exactly-once settings, on the same broker in the same run, so that its figures are read as ratios.
 *
 * <p>Each Streams application runs in its own JVM; the load and the measurement run in this one. Both are warmed up
 * first, then measured alternately, each repetition a paced phase (latency, and whether it keeps up) and a burst
 * (throughput), with the broker's writes and every process's CPU counted per report.
 */
public final class CaseCycleBench {
    private final CaseCycleOptions options;
    private final Console console;

    public CaseCycleBench(CaseCycleOptions options, Console console) {
        this.options = options;
        this.console = console;
    }

    /**
     * A topology under test: where its load goes, which process runs it, how its outcomes are seen, and which topics
     * it writes (its outputs and internal topics): the writes counted for it, so that what the other application
     * writes late (the case cycle flushes its indicator tallies every 5 s) is never counted for this one.
     */
    private record Contender(String name, String inputTopic, long pid, Outcomes outcomes,
                             Predicate<String> writes) {
    }

    public CaseCycleReport run() throws InterruptedException {
        double loadBefore = LoadAverage.oneMinute();
        long started = System.nanoTime();
        try (CaseCycleStack stack = CaseCycleStack.start(options, console);
             ReportLoad load = new ReportLoad(stack.bootstrapServers(),
                     new PatrolReports(stack.grids()));
             PassedThrough passed = new PassedThrough(stack.bootstrapServers(), CaseCycleStack.PASS_OUT);
             DispatchedCases dispatched = new DispatchedCases(stack.bootstrapServers());
             BrokerWrites writes = new BrokerWrites(stack.bootstrapServers())) {
            Contender pass = new Contender(CaseCycleReport.PASS_THROUGH, CaseCycleStack.PASS_IN,
                    stack.passThroughPid(), passed, CaseCycleStack.PASS_OUT::equals);
            Contender cases = new Contender(CaseCycleReport.CASE_CYCLE, TopicCatalogue.INTAKE.name(),
                    stack.cloudPid(), dispatched, topic -> !topic.startsWith(CaseCycleStack.BENCH_TOPICS)
                    && !topic.equals(TopicCatalogue.INTAKE.name()));
            Phases phases = new Phases(load, writes, stack.brokerPid(), stack.postmasterPid());
            phases.warmUp(pass);
            phases.warmUp(cases);
            List<Measurement> measurements = new ArrayList<>();
            for (int rep = 1; rep <= options.repetitions(); rep++) {
                measurements.add(phases.measure(pass, rep));
                measurements.add(phases.measure(cases, rep));
            }
            return new CaseCycleReport(options, measurements, Runtime.getRuntime().availableProcessors(), loadBefore,
                    LoadAverage.oneMinute(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The phases, on the one load, broker and set of processes of this run. */
    private final class Phases {
        private final ReportLoad load;
        private final BrokerWrites writes;
        private final long brokerPid;
        private final long postmasterPid;

        Phases(ReportLoad load, BrokerWrites writes, long brokerPid, long postmasterPid) {
            this.load = load;
            this.writes = writes;
            this.brokerPid = brokerPid;
            this.postmasterPid = postmasterPid;
        }

        /** The paced load for the warm-up time, then until everything sent has come out; nothing is kept. */
        void warmUp(Contender c) throws InterruptedException {
            int reports = options.warmupReports();
            if (reports == 0) {
                return;
            }
            console.say(String.format(Locale.ROOT, "warm-up: %s, %d reports at %s/s ...", c.name(), reports,
                    number(options.rate())));
            ReportLoad.Sent sent = load.paced(c.inputTopic(), options.rate(), reports);
            Settled settled = awaitSettled(sent, c.outcomes());
            Thread.sleep(options.quiet()); // its late writes land before anything is counted
            console.say(String.format(Locale.ROOT, "  %d of %d through, p50 %s ms", reports - settled.missing(),
                    reports, Percentiles.ms(settled.latency(sent).p50())));
        }

        Measurement measure(Contender c, int rep) throws InterruptedException {
            console.say(String.format(Locale.ROOT, "repetition %d: %s, paced %s/s for %s s, then a burst of %d ...",
                    rep, c.name(), number(options.rate()), number(options.paced().toMillis() / 1000.0),
                    options.burst()));
            BrokerWrites.Ends before = writes.ends();
            CpuSample cpu0 = cpu(c);
            ReportLoad.Sent pacedSent = load.paced(c.inputTopic(), options.rate(), options.pacedReports());
            Settled paced = awaitSettled(pacedSent, c.outcomes());
            CpuSample cpu1 = cpu(c);
            ReportLoad.Sent burstSent = load.burst(c.inputTopic(), options.burst());
            Settled burst = awaitSettled(burstSent, c.outcomes());
            CpuSample cpu2 = cpu(c);
            Thread.sleep(options.quiet()); // late writes: the case cycle flushes its indicator tallies every 5 s
            Map<String, BrokerWrites.TopicWrites> written = writes.between(before, writes.ends());

            PacedResult pacedResult = pacedResult(pacedSent, paced);
            BurstResult burstResult = burstResult(burstSent, burst);
            int reports = pacedSent.count() + burstSent.count();
            Measurement m = new Measurement(c.name(), rep, pacedResult, burstResult,
                    perReport(written, c.writes(), reports), internalPerReport(written, reports),
                    cpu1.perThousandSince(cpu0, pacedSent.count()), cpu2.perThousandSince(cpu1, burstSent.count()));
            console.say(String.format(Locale.ROOT, "  paced: %s, p50 %s ms; burst: %s reports/s; %s records per report",
                    pacedResult.keptUp() ? "kept up" : "did not keep up (" + number(pacedResult.settledPerSecond())
                            + "/s settled, " + pacedResult.missing() + " missing)",
                    Percentiles.ms(pacedResult.latency().p50()), number(burstResult.perSecond()),
                    String.format(Locale.ROOT, "%.2f", m.recordsPerReport())));
            return m;
        }

        private CpuSample cpu(Contender c) {
            return CpuSample.take(c.pid(), brokerPid, postmasterPid);
        }

        private PacedResult pacedResult(ReportLoad.Sent sent, Settled settled) {
            // the outcomes came out over this span, the reports went in over the schedule's: a pipeline that keeps up
            // lets them out as fast as they came, whatever the constant delay in between; one that does not, slower
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            int through = 0;
            for (long at : settled.at()) {
                if (at != 0) {
                    first = Math.min(first, at);
                    last = Math.max(last, at);
                    through++;
                }
            }
            double perSecond = through < 2 ? 0 : (through - 1) / (Math.max(1, last - first) / 1e9);
            boolean keptUp = settled.missing() == 0 && perSecond >= options.minShare() * options.rate();
            return new PacedResult(options.rate(), sent.count(), settled.missing(), settled.mergedCount(), perSecond,
                    keptUp, settled.latency(sent), sent.lateNanos() / 1e6);
        }

        private BurstResult burstResult(ReportLoad.Sent sent, Settled settled) {
            long last = sent.firstNanos();
            int through = 0;
            for (long at : settled.at()) {
                if (at > 0) {
                    last = Math.max(last, at);
                    through++;
                }
            }
            double seconds = Math.max(1, last - sent.firstNanos()) / 1e9;
            return new BurstResult(sent.count(), settled.missing(), settled.mergedCount(), through / seconds,
                    settled.latency(sent));
        }

        /** Waits until every report sent has an outcome, or the drain time after the last send is over. */
        private Settled awaitSettled(ReportLoad.Sent sent, Outcomes outcomes) throws InterruptedException {
            long deadline = System.nanoTime() + options.drain().toNanos();
            long[] at = new long[sent.count()];
            boolean[] merged = new boolean[sent.count()];
            int left = sent.count();
            while (true) {
                for (int i = 0; i < at.length; i++) {
                    if (at[i] == 0) {
                        Long t = outcomes.settledAt(sent.intakeIds().get(i));
                        if (t != null) {
                            at[i] = t;
                            merged[i] = outcomes.merged(sent.intakeIds().get(i));
                            left--;
                        }
                    }
                }
                if (left == 0 || System.nanoTime() > deadline) {
                    return new Settled(at, merged, left);
                }
                Thread.sleep(50); // the watcher notes the outcomes as they come; this only checks
            }
        }
    }

    /**
     * When each report of a phase settled (0: not by the end of the drain), and whether it merged.
     *
     * @param missing reports with no outcome
     */
    private record Settled(long[] at, boolean[] merged, int missing) {
        int mergedCount() {
            int n = 0;
            for (boolean m : merged) {
                n += m ? 1 : 0;
            }
            return n;
        }

        /** due (or handed over) → visible, of the reports that settled without merging. */
        Percentiles latency(ReportLoad.Sent sent) {
            List<Long> nanos = new ArrayList<>(at.length);
            for (int i = 0; i < at.length; i++) {
                if (at[i] != 0 && !merged[i]) {
                    nanos.add(at[i] - sent.dueNanos()[i]);
                }
            }
            return Percentiles.ofNanos(nanos);
        }
    }

    private static Map<String, Measurement.TopicWrites> perReport(Map<String, BrokerWrites.TopicWrites> written,
                                                                 Predicate<String> owned,
                                                                 int reports) {
        Map<String, Measurement.TopicWrites> per = new LinkedHashMap<>();
        written.forEach((topic, w) -> {
            if (!w.internal() && owned.test(topic)) {
                per.put(topic, new Measurement.TopicWrites((double) w.records() / reports,
                        (double) w.markers() / reports, (double) w.unread() / reports));
            }
        });
        return per;
    }

    private static Map<String, Double> internalPerReport(Map<String, BrokerWrites.TopicWrites> written, int reports) {
        Map<String, Double> per = new LinkedHashMap<>();
        written.forEach((topic, w) -> {
            if (w.internal()) {
                per.put(topic, (double) w.offsets() / reports);
            }
        });
        return per;
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
