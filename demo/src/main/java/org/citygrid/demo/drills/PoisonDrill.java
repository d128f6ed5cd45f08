package org.citygrid.demo.drills;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.citygrid.demo.Console;
import org.citygrid.demo.DemoException;
import org.citygrid.demo.DemoOptions;
import org.citygrid.demo.DemoPorts;
import org.citygrid.demo.DemoRun;
import org.citygrid.demo.api.DemoAccounts;
import org.citygrid.demo.city.DemoDevice;
import org.citygrid.demo.city.DemoRules;
import org.citygrid.demo.city.EdgeSite;
import org.citygrid.demo.data.DataFolder;
import org.citygrid.demo.data.DemoSecrets;
import org.citygrid.devstack.FreePorts;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.category.CategoryKind;

/**
 * {@code ./gridcity drill poison}: a hostile corpus ({@link HostileCorpus}) through every entry while the normal load
 * runs, then the proof (issue 13): every hostile input got a clear refusal or a dead letter with its reason; a
 * normal report sent after each one reached the read model in time; no consumer stopped; no case was lost or
 * doubled.
 *
 * <p>Starts the broker, PostGIS, cloud-backend, mobile-api and one edge node exactly as the demo does (the fault
 * drills' way, plus mobile-api for its entries), loads the node with the fault drills' sensors over DTLS
 * ({@link AlarmLoad}), and sends the corpus one input at a time, each followed by a normal patrol report
 * ({@link NormalReports}) and a look at the services' health. Records produced onto topics are answered by
 * {@code grid.dead-letters}, which is read until each has its letter or the wait is over. Then the load stops, the
 * pipeline drains, and the sensors' edges and the normal reports are counted in the read model.
 */
public final class PoisonDrill {
    private final PoisonOptions options;
    private final Console console;

    public PoisonDrill(PoisonOptions options, Console console) {
        this.options = options;
        this.console = console;
    }

    /** Runs the drill and stops everything it started; the verdict decides the exit status. */
    public PoisonVerdict run() throws InterruptedException {
        long started = System.nanoTime();
        DataFolder data = DataFolder.open(options.dataDir(), true);
        DemoRules.writeSingleReadingRules(data.edge(1));
        DemoPorts ports = new DemoPorts(FreePorts.pick(), DemoPorts.freeUdpPair(), FreePorts.pick(), FreePorts.pick());
        // the demo's services without its simulator: the load is the drills' sensors, the people are the corpus
        DemoOptions demo = new DemoOptions(options.root(), options.dataDir(), false, ports, 1, options.sensors(),
                Set.of("simulator"), options.rate(), options.startTimeout());
        DemoRun.Running running = new DemoRun(demo, console).startServices();
        try {
            return underLoad(running, ports, started);
        } finally {
            running.stop();
        }
    }

    private PoisonVerdict underLoad(DemoRun.Running running, DemoPorts ports, long started)
            throws InterruptedException {
        EdgeSite site = running.sites().getFirst();
        DemoDevice fieldDevice = site.devices().stream().filter(d -> !d.isSensor() && !d.revoked()).findFirst()
                .orElseThrow(() -> new DemoException("the edge node's registry has no field device"));
        DemoDevice sensor = site.devices().stream().filter(DemoDevice::isSensor).filter(d -> !d.revoked())
                .findFirst().orElseThrow(() -> new DemoException("the edge node's registry has no sensor"));
        String category = CategoryCatalogue.loadDefault().categories().stream()
                .filter(c -> c.code().kind() != CategoryKind.SERVICE).findFirst().orElseThrow().code().toString();
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + DemoRun.DATABASE + "?user=postgres";
        String bootstrap = running.broker().bootstrapServers();
        String uri = "coaps://127.0.0.1:" + ports.edgeDtls(0);
        HttpDoor http = new HttpDoor(java.net.URI.create("http://127.0.0.1:" + ports.api()),
                DemoSecrets.loadOrCreate(running.data().file("secrets.json")).adminPassword(),
                DemoAccounts.read(running.data().file("accounts.json")));
        ServiceHealth health = new ServiceHealth(running.data().log("cloud-backend"), http);
        try (AlarmLoad load = new AlarmLoad(site.nodeId(), uri, site.devices(), options.rate(), 0.1,
                Duration.ofSeconds(2)).connect();
             Downstream downstream = new Downstream(bootstrap, jdbcUrl);
             EdgeDoor edge = new EdgeDoor(ports.edgePlain(0), ports.edgeDtls(0), fieldDevice);
             TopicDoor topics = new TopicDoor(bootstrap);
             TopicAnswers answers = new TopicAnswers(bootstrap);
             NormalReports reports = new NormalReports(edge, fieldDevice.id(), sensor.position(), category, jdbcUrl)) {
            console.say("services ready " + since(started) + "; normal load: " + load.sensors() + " sensors over DTLS on "
                    + uri + ", " + options.rate()
                    + " readings/s; normal patrol reports from " + fieldDevice.id() + " to /r");
            Instant loadStart = Instant.now();
            load.start();
            Thread.sleep(options.settle().toMillis());
            // the first normal report makes the case the corpus's case actions are aimed at
            NormalReports.Sent first = reports.send("(before the corpus)");
            reports.awaitAll(options.reportWait().multipliedBy(3));
            String caseId = reports.caseOf(first);
            if (caseId == null) {
                throw new DemoException("the first normal report did not reach the read model within "
                        + options.reportWait().multipliedBy(3).toSeconds() + " s: " + (first.acknowledged()
                        ? "acknowledged as " + first.intakeId : "refused: " + first.refused));
            }
            List<HostileInput> corpus = HostileCorpus.of(new HostileCorpus.Targets(edge, http, topics, sensor.id(),
                    fieldDevice.id(), sensor.position(), category, () -> caseId));
            console.say("sending " + corpus.size() + " hostile inputs, each followed by a normal report ...");
            List<Sent> sent = new ArrayList<>();
            for (HostileInput input : corpus) {
                HostileAnswer answer = send(input);
                NormalReports.Sent next = reports.send(input.what());
                sent.add(new Sent(input, answer, next, List.of(health.cloudBackend(), health.mobileApi())));
            }
            console.say("corpus sent " + since(started) + "; waiting for the normal reports (at most "
                    + options.reportWait().toSeconds()
                    + " s each) and the dead letters (at most " + options.deadLetterWait().toSeconds() + " s) ...");
            reports.awaitAll(options.reportWait().plusSeconds(1));
            awaitAnswers(sent, answers);
            console.say("answers in " + since(started) + "; stopping the load ...");
            load.stop();
            console.say("waiting for the pipeline to drain (at most " + options.drain().toSeconds() + " s) ...");
            DrillCount count = DrillDrain.await(load, loadStart, loadStart, site.nodeId(), downstream,
                    options.drain(), console);
            console.say("  drained " + since(started));
            reports.recount();
            List<PoisonVerdict.Result> results = sent.stream().map(s -> new PoisonVerdict.Result(s.input, s.answer,
                    answersTo(s.answer, answers), s.next, s.health)).toList();
            Set<String> produced = sent.stream().filter(s -> s.answer.produced()).map(s -> s.answer.status())
                    .collect(java.util.stream.Collectors.toSet());
            PoisonVerdict verdict = new PoisonVerdict(results, count, reports.sent(), answers.others(produced),
                    List.of(health.cloudBackend(), health.mobileApi()), options.reportWait(),
                    Duration.ofNanos(System.nanoTime() - started));
            console.block(PoisonReport.table(verdict, options, site));
            return verdict;
        }
    }

    /** For the console: how far into the run, e.g. {@code (at 74 s)}. */
    private static String since(long startNanos) {
        return "(at " + Duration.ofNanos(System.nanoTime() - startNanos).toSeconds() + " s)";
    }

    private record Sent(HostileInput input, HostileAnswer answer, NormalReports.Sent next,
                        List<ServiceHealth.Reading> health) {
    }

    private static HostileAnswer send(HostileInput input) {
        try {
            return input.send().send();
        } catch (Exception e) {
            return HostileAnswer.noAnswer("the drill could not send it: " + e);
        }
    }

    /** Until every produced record has its dead letter or refusal, or the wait is over. */
    private void awaitAnswers(List<Sent> sent, TopicAnswers answers) throws InterruptedException {
        long deadline = System.nanoTime() + options.deadLetterWait().toNanos();
        while (System.nanoTime() < deadline && sent.stream()
                .anyMatch(s -> s.answer.produced() && answersTo(s.answer, answers).isEmpty())) {
            Thread.sleep(500);
        }
    }

    private static List<TopicAnswers.Answer> answersTo(HostileAnswer answer, TopicAnswers answers) {
        return answer.produced() ? answers.of(answer.status(), answer.key()) : List.of();
    }
}
