package org.citygrid.cloud.testkit

import java.nio.file.Files
import java.time.Duration
import java.time.Instant
import org.apache.kafka.common.serialization.ByteArraySerializer
import org.apache.kafka.common.serialization.Deserializer
import org.apache.kafka.common.serialization.StringDeserializer
import org.apache.kafka.common.serialization.StringSerializer
import org.apache.kafka.streams.StreamsConfig
import org.apache.kafka.streams.TestOutputTopic
import org.apache.kafka.streams.TopologyTestDriver
import org.citygrid.cloud.config.CaseCycleSettings
import org.citygrid.cloud.metrics.CaseCycleMetrics
import org.citygrid.cloud.streams.CaseCycleTopology
import org.citygrid.contracts.dispatch.Responsibility
import org.citygrid.contracts.indicators.DailyTally
import org.citygrid.contracts.notify.CaseNotification
import org.citygrid.contracts.topics.TopicCatalogue
import org.citygrid.contracts.topics.Topics
import org.citygrid.model.cases.Actor
import org.citygrid.model.cases.CaseAction
import org.citygrid.model.cases.CaseCommand
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.CaseSnapshot
import org.citygrid.model.cases.Channel
import org.citygrid.model.cases.Evidence
import org.citygrid.model.category.CatalogueCaseRules
import org.citygrid.model.category.CategoryCatalogue
import org.citygrid.model.geo.GeoPoint
import org.citygrid.model.intake.AlarmState
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.intake.IntakeRejection
import org.citygrid.model.intake.SensorAlarm
import org.citygrid.model.wire.WireCodec
import org.citygrid.model.wire.WireJson

/**
 * The case-cycle topology in a TopologyTestDriver, with the shipped catalogue and Chinese
 * calendar, the three {@link TestGrids}, and helpers that speak the domain: send a sensor alarm,
 * a resident's report, a command; read a case's events and latest snapshot. Wall-clock time (what
 * the SLA clock runs on) moves only when a spec moves it.
 */
class CaseCycleRig implements Closeable {

    static final CategoryCatalogue CATALOGUE = CategoryCatalogue.loadDefault()
    static final CatalogueCaseRules RULES = CatalogueCaseRules.chinaDefault()
    static final List<Evidence> PHOTO = [new Evidence('media/photo.jpg', 'image/jpeg')]

    final TopologyTestDriver driver
    /** The metrics the topology counts in, as /metrics would serve them. */
    final CaseCycleMetrics metrics = new CaseCycleMetrics()
    private final def intakeIn, commandsIn, responsibilityIn
    private final Map<String, TestOutputTopic<String, byte[]>> outputs = [:]
    private final Map<String, List<byte[]>> seen = [:].withDefault { [] }
    private int sequence
    private Instant clock

    CaseCycleRig(Instant wallClock, Map<String, String> settings = [:]) {
        clock = wallClock
        def stateDir = Files.createTempDirectory('case-cycle-ttd')
        def config = CaseCycleSettings.from { String name ->
            settings[name] ?: [CITYGRID_STATE_DIR: stateDir.toString(), CITYGRID_PARTITIONS: '3'][name]
        }
        def props = CaseCycleTopology.streamsProperties(config, metrics)
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, 'ttd:9092')
        driver = new TopologyTestDriver(CaseCycleTopology.build(config, RULES, CATALOGUE, new TestGrids(), metrics), props, wallClock)
        intakeIn = driver.createInputTopic(Topics.DEFAULT.intake(), new StringSerializer(), new ByteArraySerializer())
        commandsIn = driver.createInputTopic(Topics.DEFAULT.commands(), new StringSerializer(), new ByteArraySerializer())
        responsibilityIn = driver.createInputTopic(Topics.DEFAULT.responsibility(), new StringSerializer(),
                TopicCatalogue.RESPONSIBILITY.valueSerde().serializer())
        [Topics.DEFAULT.caseEvents(), Topics.DEFAULT.cases(), Topics.DEFAULT.commandRejections(), Topics.DEFAULT.intakeRejections(), Topics.DEFAULT.notifications(),
         Topics.DEFAULT.indicators()].each {
            outputs[it] = driver.createOutputTopic(it, new StringDeserializer(), { t, b -> b } as Deserializer<byte[]>)
        }
    }

    // ---- input

    /** A sensor alarm edge; returns the intake id. */
    String sensor(Map args) {
        String device = args.device ?: 'mc-0042'
        String episode = args.episode ?: "${device}:ep-1"
        AlarmState state = args.state ?: AlarmState.RAISED
        String id = args.intakeId ?: "edge-dc01:${episode}:${state}"
        def record = new IntakeRecord(id, Channel.SENSOR, 'edge-dc01', args.at as Instant, args.category as String,
                args.type ?: 'manhole-tilt', device, new SensorAlarm(episode, state, 'tilt', 23.5d, 'deg', 15d),
                (args.position ?: TestGrids.HERE) as GeoPoint, '', device, false, [])
        intake(record, args.at as Instant)
        id
    }

    /** A report from a person; returns the intake id. */
    String report(Map args) {
        Channel channel = args.channel ?: Channel.RESIDENT
        String id = args.intakeId ?: "app-${++sequence}"
        def record = IntakeRecord.report(id, channel, 'mobile-api', args.at as Instant, args.category ?: 'C0101',
                (args.position ?: TestGrids.HERE) as GeoPoint, args.description ?: 'cover rocks',
                args.reporter ?: 'resident-1', false, PHOTO)
        intake(record, args.at as Instant)
        id
    }

    void intake(IntakeRecord record, Instant at) {
        // keyed as producers key it: by device for sensor alarms, so raise and clear stay in order
        intakeIn.pipeInput(record.deviceId() ?: record.intakeId(), WireCodec.intake().write(record), at)
    }

    void rawIntake(String key, String payload, Instant at) {
        intakeIn.pipeInput(key, payload?.getBytes('UTF-8'), at)
    }

    /** Sends a command; returns its id. */
    String command(String caseId, Actor actor, CaseAction action, Instant at, Long expectedVersion = null) {
        String id = "cmd-${++sequence}"
        def command = new CaseCommand(id, caseId, actor, at, expectedVersion, action)
        commandsIn.pipeInput(caseId, WireCodec.commands().write(command), at)
        id
    }

    void rawCommand(String key, String payload, Instant at) {
        commandsIn.pipeInput(key, payload?.getBytes('UTF-8'), at)
    }

    void responsibility(String category, String area, List<Map> departments) {
        responsibilityIn.pipeInput(Responsibility.key(category, area), new Responsibility(departments.collect {
            new Responsibility.Assignment(it.department as String, (it.handlers ?: []) as List<String>)
        }))
    }

    /**
     * Moves wall-clock time to {@code to} in steps of {@code step}; the SLA punctuator runs at
     * each step, as it would every few seconds in a running application.
     */
    void clockTo(Instant to, Duration step = Duration.ofMinutes(15)) {
        while (clock.isBefore(to)) {
            Instant next = clock + step
            if (next.isAfter(to)) {
                next = to
            }
            driver.advanceWallClockTime(Duration.between(clock, next))
            clock = next
        }
    }

    // ---- output

    private List<byte[]> drain(String topic) {
        def out = outputs[topic]
        while (!out.isEmpty()) {
            seen[topic] << out.readValue()
        }
        seen[topic]
    }

    List<CaseEvent> events(String caseId = null) {
        drain(Topics.DEFAULT.caseEvents()).collect { WireCodec.events().read(it) }.findAll { caseId == null || it.caseId() == caseId }
    }

    List<String> changes(String caseId) {
        events(caseId).collect { it.change().class.simpleName }
    }

    List<String> caseIds() {
        events().collect { it.caseId() }.unique()
    }

    CaseSnapshot snapshot(String caseId) {
        drain(Topics.DEFAULT.cases()).collect { WireCodec.snapshots().read(it) }.findAll { it.caseId() == caseId }.last()
    }

    /** Command rejections as JSON trees (they may carry an extra payload field). */
    List<Map> commandRejections() {
        drain(Topics.DEFAULT.commandRejections()).collect { WireJson.mapper().readValue(it, Map) }
    }

    List<IntakeRejection> intakeRejections() {
        drain(Topics.DEFAULT.intakeRejections()).collect { WireCodec.intakeRejections().read(it) }
    }

    /** The v2 notifications (one per event), leaving out the v1 records written beside them. */
    List<CaseNotification> notifications(String caseId = null) {
        drain(Topics.DEFAULT.notifications()).findAll { WireJson.mapper().readTree(it).path('v').asInt() == CaseNotification.VERSION }
                .collect { TopicCatalogue.NOTIFICATIONS.read(it) }.findAll { caseId == null || it.caseId() == caseId }
    }

    /** Every recipient of the case's notifications, in order. */
    List<Told> told(String caseId = null) {
        notifications(caseId).collectMany { Told.of(it) }
    }

    /** The v1 records written beside the v2 ones, for readers that have not switched. */
    List<Map> notificationsV1(String caseId = null) {
        drain(Topics.DEFAULT.notifications()).collect { WireJson.mapper().readValue(it, Map) }
                .findAll { it.v == 1 && (caseId == null || it.caseId == caseId) }
    }

    /** The latest tally per key. */
    Map<String, DailyTally> indicators() {
        drain(Topics.DEFAULT.indicators()).collect { TopicCatalogue.INDICATORS.read(it) }.collectEntries { [(it.key()): it] }
    }

    @Override
    String toString() {
        "case cycle at ${clock}"
    }

    /** The value of one series of the rig's metrics, e.g. {@code citygrid_cloud_case_events_total{type="Overdue"}}, or null. */
    Double metric(String series) {
        def line = metrics.scrape().readLines().find { it.startsWith(series + ' ') }
        line == null ? null : Double.parseDouble(line.substring(series.length() + 1).trim())
    }

    @Override
    void close() {
        driver.close()
        metrics.close()
    }
}
