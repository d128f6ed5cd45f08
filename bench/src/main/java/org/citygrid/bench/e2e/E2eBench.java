package org.citygrid.bench.e2e;

import org.citygrid.bench.measure.Percentiles;
import org.citygrid.bench.measure.ProcessCpu;
import org.citygrid.bench.measure.PassThroughTopology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;


import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import org.citygrid.demo.Console;
import org.citygrid.demo.DemoException;
import org.citygrid.demo.city.EdgeSite;

/**
 * The end-to-end benchmark (docs/benchmark.md): starts the broker, PostGIS, cloud-backend and one edge node as the
 * demo does (same code and configuration, a fresh data folder, free ports), measures the raw baselines on that
 * broker and database, then climbs a ladder of alarm rates over DTLS until latency or throughput breaks, and
 * stops everything it started.
 */
public final class E2eBench {
    static final String ROUND_TRIP_TOPIC = "bench.roundtrip";
    static final String PASS_IN_TOPIC = "bench.pass-in";
    static final String PASS_OUT_TOPIC = "bench.pass-out";

    private static final Duration IDLE_SAMPLE = Duration.ofSeconds(5);

    private final E2eBenchOptions options;
    private final Console console;

    public E2eBench(E2eBenchOptions options, Console console) {
        this.options = options;
        this.console = console;
    }

    public E2eReport run() throws InterruptedException {
        try (BenchStack stack = BenchStack.start(options, console, data -> { })) {
            List<BaselineResult> baselines = baselines(stack.bootstrap(), stack.jdbc(),
                    stack.running().data().root().resolve("bench-streams"));
            EdgeSite site = stack.site();
            List<StepResult> steps = new ArrayList<>();
            try (RaiseClearLoad load = new RaiseClearLoad(site.nodeId(), stack.edgeUri(), site.devices(),
                    options.sensors()).connect();
                 CaseWatcher watcher = new CaseWatcher(stack.bootstrap())) {
                console.say("ladder: " + load.sensors() + " sensors over DTLS on " + stack.edgeUri() + ", raises/s "
                        + options.rates() + ", " + options.step().toSeconds() + " s each; each raise cleared half a"
                        + " period later");
                double[] idle = idleCpu(stack.cloudPid(), stack.edgePid());
                double cloudIdle = idle[0];
                double edgeIdle = idle[1];
                console.say(String.format(java.util.Locale.ROOT, "  idle CPU: cloud-backend %.3f s/s, %s %.3f s/s",
                        cloudIdle, site.name(), edgeIdle));
                for (double rate : options.rates()) {
                    StepResult step = step(rate, options.step(), load, watcher, stack);
                    steps.add(step);
                    if (step.broken() != null) {
                        console.say("  the ladder stops here: " + step.broken());
                        break;
                    }
                }
                String setup = "1 edge node, " + load.sensors() + " sensors over DTLS (PSK), "
                        + options.step().toSeconds() + " s per step, break at p99 > "
                        + options.maxP99().toMillis() / 1000.0 + " s or settled < " + options.minShare()
                        + " x offered; idle CPU before the ladder: cloud-backend "
                        + String.format(java.util.Locale.ROOT, "%.3f", cloudIdle) + " s/s, edge node "
                        + String.format(java.util.Locale.ROOT, "%.3f", edgeIdle) + " s/s";
                return new E2eReport(setup, steps, baselines);
            }
        }
    }

    /**
     * Offers {@code rate} raises per second for {@code length}, waits for them to settle downstream (or the drain
     * time to pass) and takes the figures; the ladder's steps and the scaling part's rows are each one of these.
     */
    StepResult step(double rate, Duration length, RaiseClearLoad load, CaseWatcher watcher, BenchStack stack)
            throws InterruptedException {
        return step(rate, length, null, load, watcher, stack);
    }

    /** Like the other, with each clear at most {@code clearAfter} after its raise ({@link RaiseClearLoad#run}). */
    StepResult step(double rate, Duration length, Duration clearAfter, RaiseClearLoad load, CaseWatcher watcher,
                    BenchStack stack) throws InterruptedException {
        console.say("step: " + rate + " raises/s for " + length.toSeconds() + " s ...");
        double cloudBefore = ProcessCpu.seconds(stack.cloudPid());
        double edgeBefore = ProcessCpu.seconds(stack.edgePid());
        RaiseClearLoad.StepLoad sent = load.run(rate, length, clearAfter);
        Map<String, CaseWatcher.Outcome> outcomes = awaitSettled(sent, watcher);
        double cloudCpu = ProcessCpu.seconds(stack.cloudPid()) - cloudBefore;
        double edgeCpu = ProcessCpu.seconds(stack.edgePid()) - edgeBefore;

        List<Long> toDispatch = new ArrayList<>();
        List<Long> toIntent = new ArrayList<>();
        long cases = 0;
        long merged = 0;
        long missing = 0;
        long toFile = 0;
        long last = sent.startNanos();
        for (var e : sent.raiseSentNanos().entrySet()) {
            CaseWatcher.Outcome o = outcomes.get(e.getKey());
            if (o.merged()) {
                merged++;
                continue;
            }
            if (o.caseId() != null) {
                cases++;
            }
            if (o.toFile()) {
                toFile++; // its first intent is REPORT_TO_FILE to the supervision desk; no dispatch to time
                toIntent.add(o.intentNanos() - e.getValue());
                last = Math.max(last, o.intentNanos());
                continue;
            }
            if (o.dispatchedNanos() == null || o.intentNanos() == null) {
                missing++;
                continue;
            }
            toDispatch.add(o.dispatchedNanos() - e.getValue());
            toIntent.add(o.intentNanos() - e.getValue());
            last = Math.max(last, Math.max(o.dispatchedNanos(), o.intentNanos()));
        }
        long settled = toDispatch.size() + merged + toFile;
        // from the step's start to the last raise settled, and no shorter than the step: the clears sent after its
        // end (half a period after the last raises) are not part of the offered rate
        double span = Math.max(length.toNanos() / 1e9, (last - sent.startNanos()) / 1e9);
        double processed = settled / span;
        Percentiles dispatched = Percentiles.ofNanos(toDispatch);
        long edges = Math.max(1, sent.edgesAcknowledged());
        String broken = null;
        if (missing > 0) {
            broken = missing + " raises not dispatched within " + options.drain().toSeconds() + " s of the step's end";
        } else if (dispatched.p99() > options.maxP99().toMillis()) {
            broken = "p99 " + Percentiles.ms(dispatched.p99()) + " ms > " + options.maxP99().toMillis() + " ms";
        } else if (processed < options.minShare() * rate) {
            broken = String.format(java.util.Locale.ROOT, "settled %.1f/s < %.2f x %.1f offered", processed,
                    options.minShare(), rate);
        }
        StepResult result = new StepResult(rate, sent.raiseSentNanos().size(),
                sent.raiseSentNanos().size() / (double) length.toSeconds(), cases, toFile, merged, missing,
                processed, dispatched,
                Percentiles.ofNanos(toIntent), cloudCpu * 1000 / edges, edgeCpu * 1000 / edges, broken);
        console.say(String.format(java.util.Locale.ROOT,
                "  sent %d raises (%.1f/s), %d cases (%d wait to be filed), %d merged, %d missing; dispatched p50 %s p99 %s ms",
                result.sent(), result.sentPerSecond(), cases, toFile, merged, missing, Percentiles.ms(dispatched.p50()),
                Percentiles.ms(dispatched.p99())));
        return result;
    }

    /** Waits until every raise of the step has settled downstream, or the drain time is over. */
    private Map<String, CaseWatcher.Outcome> awaitSettled(RaiseClearLoad.StepLoad sent, CaseWatcher watcher)
            throws InterruptedException {
        long deadline = System.nanoTime() + options.drain().toNanos();
        while (true) {
            Map<String, CaseWatcher.Outcome> outcomes = new LinkedHashMap<>();
            boolean all = true;
            for (String intakeId : sent.raiseSentNanos().keySet()) {
                CaseWatcher.Outcome o = watcher.outcome(intakeId);
                outcomes.put(intakeId, o);
                all &= o.settled();
            }
            if (all || System.nanoTime() > deadline) {
                return outcomes;
            }
            Thread.sleep(250); // the watcher fills in outcomes as records arrive; this only checks
        }
    }

    private List<BaselineResult> baselines(String bootstrap, String jdbc, Path streamsState) throws InterruptedException {
        createTopics(bootstrap);
        double rate = options.baselineRate();
        List<BaselineResult> results = new ArrayList<>();
        console.say("baseline: " + E2eReport.KAFKA + ", " + rate + "/s for " + options.baseline().toSeconds() + " s ...");
        results.add(new BaselineResult(E2eReport.KAFKA, rate,
                KafkaRoundTrip.measure(bootstrap, ROUND_TRIP_TOPIC, ROUND_TRIP_TOPIC, rate, options.baseline())));
        console.say("baseline: " + E2eReport.STREAMS + " ...");
        try (PassThroughTopology topology = new PassThroughTopology(
                PassThroughTopology.Settings.defaults(bootstrap, "bench-pass-through", streamsState), PASS_IN_TOPIC,
                PASS_OUT_TOPIC).start(Duration.ofSeconds(120))) {
            results.add(new BaselineResult(E2eReport.STREAMS, rate,
                    KafkaRoundTrip.measure(bootstrap, PASS_IN_TOPIC, PASS_OUT_TOPIC, rate, options.baseline())));
        }
        console.say("baseline: " + E2eReport.POSTGIS + " ...");
        results.add(new BaselineResult(E2eReport.POSTGIS, rate, PostgisRoundTrip.measure(jdbc, rate, options.baseline())));
        console.say("baseline: " + E2eReport.COAP + " ...");
        results.add(new BaselineResult(E2eReport.COAP, rate, BareCoapRoundTrip.measure(rate, options.baseline())));
        return results;
    }

    /** The baselines' topics; the broker creates none by itself (the demo turns auto-creation off). */
    private static void createTopics(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            // three partitions for the pass-through, as the demo gives the case cycle's topics
            admin.createTopics(List.of(new NewTopic(ROUND_TRIP_TOPIC, 1, (short) 1),
                    new NewTopic(PASS_IN_TOPIC, 3, (short) 1), new NewTopic(PASS_OUT_TOPIC, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new DemoException("cannot create the baselines' topics: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted while creating the baselines' topics", e);
        }
    }

    /**
     * CPU seconds per second a service uses with no load (Streams and consumers polling, timers): the share of the
     * per-1,000-edges cost that is there whatever the rate, and weighs most on the slowest step.
     */
    static double[] idleCpu(long... pids) throws InterruptedException {
        double[] before = new double[pids.length];
        for (int i = 0; i < pids.length; i++) {
            before[i] = ProcessCpu.seconds(pids[i]);
        }
        Thread.sleep(IDLE_SAMPLE); // a sampling interval: CPU is counted over it
        double[] perSecond = new double[pids.length];
        for (int i = 0; i < pids.length; i++) {
            perSecond[i] = (ProcessCpu.seconds(pids[i]) - before[i]) / IDLE_SAMPLE.toSeconds();
        }
        return perSecond;
    }
}
