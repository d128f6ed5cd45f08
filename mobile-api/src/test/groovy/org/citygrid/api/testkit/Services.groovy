package org.citygrid.api.testkit

import org.apache.kafka.clients.producer.MockProducer
import org.apache.kafka.common.serialization.ByteArraySerializer
import org.apache.kafka.common.serialization.StringSerializer
import org.citygrid.api.accounts.CurrentUser
import org.citygrid.api.cases.CommandService
import org.citygrid.api.idempotency.Idempotency
import org.citygrid.api.kafka.GridPublisher
import org.citygrid.api.kafka.GridTopics
import org.citygrid.api.ratelimit.RateLimiter
import org.citygrid.api.reports.ReportService
import org.citygrid.api.validation.CityArea
import org.citygrid.model.cases.CaseCommand
import org.citygrid.model.cases.CaseDecider
import org.citygrid.model.category.CatalogueCaseRules
import org.citygrid.model.category.CategoryCatalogue
import org.citygrid.model.worktime.WorkingCalendar
import org.citygrid.model.cases.Role
import org.citygrid.model.intake.IntakeRecord
import org.citygrid.model.wire.WireCodec
import org.citygrid.model.wire.WireJson

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset

/**
 * The API's services on plain objects for unit specs: the stores in memory, the broker as Kafka's
 * own {@link MockProducer} (what was published is its history), and a fixed clock. One instance per
 * feature method.
 */
class Services {

    static final Instant NOW = Instant.parse('2026-03-02T02:00:00Z')

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC)
    final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer())
    final GridPublisher publisher = new GridPublisher(producer, new GridTopics())
    final InMemoryStores.ReadModel readModel = new InMemoryStores.ReadModel()
    final InMemoryStores.Commands commands = new InMemoryStores.Commands()
    final InMemoryStores.Photos photos = new InMemoryStores.Photos()
    final InMemoryStores.Idempotency keys = new InMemoryStores.Idempotency()
    final Idempotency idempotency = new Idempotency(keys, WireJson.mapper(), clock)

    final InMemoryStores.Reports reports = new InMemoryStores.Reports()
    /** The managed city of application.yml: Beijing's box. */
    final CityArea city = new CityArea('115.42,39.44,117.51,41.06')

    /** A report service whose limit allows {@code reportsPerHour} new reports per person. */
    ReportService reportService(int reportsPerHour = 100) {
        new ReportService(publisher, reports, photos, readModel, idempotency,
                new RateLimiter(reportsPerHour, Duration.ofHours(1), clock), city, clock)
    }

    /** A command service with the real decider and catalogue, whose limit allows {@code stepsPerMinute} new steps per person. */
    CommandService commandService(int stepsPerMinute = 1000) {
        new CommandService(readModel, publisher, commands, photos, idempotency, DECIDER,
                new RateLimiter(stepsPerMinute, Duration.ofMinutes(1), clock), clock)
    }

    /** The case cycle's decider as mobile-api runs it: the catalogue's rules and China's working calendar. */
    static final CaseDecider DECIDER = new CaseDecider(new CatalogueCaseRules(CategoryCatalogue.loadDefault(),
            WorkingCalendar.chinaDefault()))

    /** The case commands published so far, in order. */
    List<CaseCommand> sentCommands() {
        producer.history().findAll { it.topic() == 'grid.commands' }.collect { WireCodec.commands().read(it.value()) }
    }

    /** The intake records published so far, in order. */
    List<IntakeRecord> sentIntake() {
        producer.history().findAll { it.topic() == 'grid.intake' }.collect { WireCodec.intake().read(it.value()) }
    }

    /** A signed-in person; handlers act for DRAINAGE and grid workers cover 110101001001023 unless told otherwise. */
    static CurrentUser person(Role role, Map scope = [:]) {
        String id = scope.id ?: "${role.name().toLowerCase()}-${UUID.randomUUID().toString().substring(0, 8)}"
        new CurrentUser(id, role,
                role == Role.HANDLER ? (String) (scope.department ?: 'DRAINAGE') : null,
                role == Role.RESIDENT ? (String) (scope.community ?: '110101001001') : null,
                role == Role.GRID_WORKER ? (List<String>) (scope.grids ?: ['110101001001023']) : [])
    }
}
