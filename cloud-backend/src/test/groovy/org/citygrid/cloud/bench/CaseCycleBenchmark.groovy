package org.citygrid.cloud.bench

import groovy.transform.CompileStatic
import java.nio.file.Files
import java.time.Duration
import java.time.Instant
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.atomic.AtomicBoolean
import org.apache.kafka.clients.consumer.ConsumerConfig
import org.apache.kafka.clients.consumer.ConsumerRecord
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerConfig
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.serialization.ByteArrayDeserializer
import org.apache.kafka.common.serialization.ByteArraySerializer
import org.apache.kafka.common.serialization.Serdes
import org.apache.kafka.common.serialization.StringDeserializer
import org.apache.kafka.common.serialization.StringSerializer
import org.apache.kafka.streams.KafkaStreams
import org.apache.kafka.streams.StreamsBuilder
import org.apache.kafka.streams.kstream.Consumed
import org.apache.kafka.streams.kstream.Produced
import org.citygrid.cloud.CaseCycleApp
import org.citygrid.cloud.config.CaseCycleSettings
import org.citygrid.cloud.streams.CaseCycleTopology
import org.citygrid.cloud.TopicSetup
import org.citygrid.cloud.testkit.TestGrids
import org.citygrid.contracts.topics.Topics
import org.citygrid.devstack.Devstack
import org.citygrid.model.cases.CaseChange
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.Channel
import org.citygrid.model.geo.GeoPoint
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.wire.WireCodec

/**
 * {@code ./gridcity bench case-cycle}: intake record -> dispatched case, against a pass-through
 * Kafka Streams topology (read, write, same exactly-once settings) on the same broker in the same
 * run, so the figures are read as ratios, not as absolutes of this machine.
 *
 * Two runs per topology: a paced one (latency, at a rate both keep up with) and a burst
 * (throughput: records per second from the first send to the last output).
 */
@CompileStatic
class CaseCycleBenchmark {

    static final int PACED = Integer.getInteger('bench.paced', 600)
    static final int RATE = Integer.getInteger('bench.rate', 100)
    static final int BURST = Integer.getInteger('bench.burst', 3000)
    static final int WARMUP = 100

    static void main(String[] args) {
        def kafka = Devstack.sharedKafka()
        String bootstrap = kafka.bootstrapServers()
        String run = "bench${System.currentTimeMillis() % 100000}"
        List<Result> results = []

        // --- pass-through: read intake, write it unchanged
        def passSettings = settings(bootstrap, "${run}-pass")
        TopicSetup.ensure(bootstrap, passSettings.topics(), passSettings.partitions(), passSettings.replication())
        String passOut = passSettings.topics().prefix() + 'pass.out'
        kafka.createTopics([new org.apache.kafka.clients.admin.NewTopic(passOut, passSettings.partitions(), (short) 1)])
        def builder = new StreamsBuilder()
        builder.stream(passSettings.topics().intake(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(passOut, Produced.with(Serdes.String(), Serdes.ByteArray()))
        def pass = new KafkaStreams(builder.build(), CaseCycleTopology.streamsProperties(passSettings))
        pass.start()
        try {
            results.addAll(measure('pass-through (read, write)', passSettings, passOut, { ConsumerRecord<String, byte[]> r -> r.key() }))
        } finally {
            pass.close(Duration.ofSeconds(30))
        }

        // --- the case cycle: intake -> Reported, Filed, Dispatched
        def caseSettings = settings(bootstrap, "${run}-case")
        def app = CaseCycleApp.start(caseSettings, new TestGrids(), false)
        try {
            results.addAll(measure('case cycle (intake -> dispatched)', caseSettings, caseSettings.topics().caseEvents(),
                    { ConsumerRecord<String, byte[]> r ->
                        CaseEvent e = WireCodec.events().read(r.value())
                        e.change() instanceof CaseChange.Dispatched ? reportOf.get(e.caseId()) : null
                    }))
        } finally {
            app.close()
        }
        print(results)
        System.exit(0)
    }

    /** intake id by case id, for the case cycle's outputs */
    static final Map<String, String> reportOf = new ConcurrentHashMap<>()

    static CaseCycleSettings settings(String bootstrap, String name) {
        def state = Files.createTempDirectory("bench-${name}")
        Map<String, String> values = [CITYGRID_KAFKA_BOOTSTRAP: bootstrap, CITYGRID_APPLICATION_ID: name,
                                      CITYGRID_TOPIC_PREFIX   : "${name}.".toString(), CITYGRID_STATE_DIR: state.toString(),
                                      CITYGRID_PARTITIONS     : '3', CITYGRID_DUPLICATE_DISTANCE_M: '0.5']
        CaseCycleSettings.from { String key -> values[key] }
    }

    static List<Result> measure(String name, CaseCycleSettings settings, String outTopic,
                                Closure<String> intakeIdOf) {
        Map<String, Long> sentAt = new ConcurrentHashMap<>()
        Map<String, Long> doneAt = new ConcurrentHashMap<>()
        def stop = new AtomicBoolean()
        def consumer = new KafkaConsumer<String, byte[]>([
                (ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG): settings.bootstrapServers(),
                (ConsumerConfig.GROUP_ID_CONFIG)         : "${settings.applicationId()}-measure".toString(),
                (ConsumerConfig.ISOLATION_LEVEL_CONFIG)  : 'read_committed',
                (ConsumerConfig.AUTO_OFFSET_RESET_CONFIG): 'earliest'] as Map<String, Object>,
                new StringDeserializer(), new ByteArrayDeserializer())
        consumer.subscribe([outTopic])
        def reader = Thread.start {
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    String id = intakeIdOf.call(r)
                    if (id != null) {
                        doneAt.putIfAbsent(id, System.nanoTime())
                    }
                }
            }
            consumer.close()
        }
        def producer = new KafkaProducer<String, byte[]>([
                (ProducerConfig.BOOTSTRAP_SERVERS_CONFIG): settings.bootstrapServers(),
                (ProducerConfig.LINGER_MS_CONFIG)        : 1,
                (ProducerConfig.ACKS_CONFIG)             : 'all'] as Map<String, Object>, new StringSerializer(), new ByteArraySerializer())
        int next = 0
        try {
            // warm-up, not counted
            List<String> warm = (0..<WARMUP).collect { send(producer, settings, "${name}-w${next++}".toString(), sentAt) }
            await(warm, doneAt)
            // paced: latency
            List<String> paced = []
            long start = System.nanoTime()
            for (int i = 0; i < PACED; i++) {
                long due = start + (long) (i * 1_000_000_000L / RATE)
                while (System.nanoTime() < due) {
                    Thread.onSpinWait()
                }
                paced << send(producer, settings, "${name}-p${next++}".toString(), sentAt)
            }
            await(paced, doneAt)
            // burst: throughput
            List<String> burst = []
            long burstStart = System.nanoTime()
            for (int i = 0; i < BURST; i++) {
                burst << send(producer, settings, "${name}-b${next++}".toString(), sentAt)
            }
            await(burst, doneAt)
            long burstEnd = burst.collect { doneAt[it] }.max()
            return [new Result(name, "paced ${RATE}/s", paced.size(), RATE as double, latencies(paced, sentAt, doneAt)),
                    new Result(name, 'burst', burst.size(), burst.size() / ((burstEnd - burstStart) / 1e9d),
                            latencies(burst, sentAt, doneAt))]
        } finally {
            stop.set(true)
            reader.join()
            producer.close()
        }
    }

    static int spot

    /** One patrol report of a loose cover, each at its own spot a metre from the last. */
    static String send(KafkaProducer<String, byte[]> producer, CaseCycleSettings settings, String id, Map<String, Long> sentAt) {
        int n = spot++
        def position = new GeoPoint(116.4001d + (n % 500) * 1e-5d, 39.9101d + (n.intdiv(500)) * 1e-5d)
        def at = Instant.now()
        def record = IntakeRecord.report(id, Channel.PATROL, 'bench', at, 'C0101', position, '', 'worker-1', false, [])
        String grid = ((org.citygrid.cloud.geocode.GridLocator.InGrid) new TestGrids().place(position)).gridCode()
        reportOf.put(org.citygrid.cloud.keys.CaseIds.forReport(grid, at, id), id)
        sentAt.put(id, System.nanoTime())
        producer.send(new ProducerRecord<String, byte[]>(settings.topics().intake(), null, at.toEpochMilli(), id,
                WireCodec.intake().write(record)))
        id
    }

    static void await(List<String> ids, Map<String, Long> doneAt) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos()
        while (!ids.every { doneAt.containsKey(it) }) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("${ids.count { !doneAt.containsKey(it) }} of ${ids.size()} records never came out")
            }
            Thread.sleep(20)
        }
    }

    static List<Double> latencies(List<String> ids, Map<String, Long> sentAt, Map<String, Long> doneAt) {
        ids.collect { (doneAt[it] - sentAt[it]) / 1e6d }.sort()
    }

    static class Result {
        String topology, run
        int records
        double perSecond
        List<Double> millis

        Result(String topology, String run, int records, double perSecond, List<Double> millis) {
            this.topology = topology
            this.run = run
            this.records = records
            this.perSecond = perSecond
            this.millis = millis
        }

        double p(double q) {
            millis[Math.min(millis.size() - 1, (int) Math.ceil(q * millis.size()) - 1)]
        }
    }

    static void print(List<Result> results) {
        println ''
        println "intake -> dispatched case vs a pass-through Kafka Streams topology, same broker, same run"
        println "(exactly_once_v2, commit interval 100 ms, 3 partitions; latency = send to committed output)"
        println ''
        println String.format('%-36s | %-12s | %7s | %10s | %8s | %8s | %8s', 'topology', 'run', 'records', 'records/s', 'p50 ms', 'p95 ms', 'p99 ms')
        println '-' * 108
        results.each { r ->
            println String.format('%-36s | %-12s | %7d | %10.0f | %8.0f | %8.0f | %8.0f', r.topology, r.run, r.records, r.perSecond,
                    r.p(0.50), r.p(0.95), r.p(0.99))
        }
        def pass = results.findAll { it.topology.startsWith('pass') }
        def cases = results.findAll { it.topology.startsWith('case') }
        println '-' * 108
        [0, 1].each { i ->
            def a = cases[i], b = pass[i]
            println String.format('%-36s | %-12s | %7s | %9.2fx | %7.2fx | %7.2fx | %7.2fx', 'ratio case cycle / pass-through', a.run, '',
                    a.perSecond / b.perSecond, a.p(0.50) / b.p(0.50), a.p(0.95) / b.p(0.95), a.p(0.99) / b.p(0.99))
        }
    }
}
