package org.citygrid.bench.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.grid.UnitGrid;
import org.citygrid.model.intake.IntakeRecord;
import org.citygrid.model.wire.WireCodec;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Fills the case cycle with open cases before a row of the scaling part, faster than sensors could: patrol reports
 * written straight to {@code grid.intake} in grid-model's wire format, as mobile-api writes them, each at a random
 * point of a random unit grid of the whole city. Their categories are the catalogue's that no sensor type raises,
 * so a benchmark raise never merges into a seeded case; patrol reports of a category that trusts patrollers file
 * and dispatch themselves, the others wait for the supervision desk. Both stay open.
 */
final class OpenCaseSeeder implements AutoCloseable {
    static final String INTAKE = TopicCatalogue.INTAKE.name();
    static final String PREFIX = "bench-seed-";

    private final KafkaProducer<String, byte[]> producer;
    private final List<UnitGrid> grids;
    private final List<String> categories;
    private final Random random = new Random(7); // the same places and categories on every run
    private final GeometryFactory geometry = new GeometryFactory();
    private int written;

    OpenCaseSeeder(String bootstrap, List<UnitGrid> grids) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20"); // a bulk load: batches, not latency
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.grids = List.copyOf(grids);
        this.categories = CategoryCatalogue.loadDefault().categories().stream()
                .filter(c -> c.sensorTypes().isEmpty())
                .map(Category::code).map(Object::toString).toList();
    }

    /** Writes {@code count} more reports and returns their intake ids once the broker has them all. */
    List<String> seed(int count) {
        List<String> ids = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String intakeId = PREFIX + (++written);
            UnitGrid grid = grids.get(random.nextInt(grids.size()));
            IntakeRecord report = IntakeRecord.report(intakeId, Channel.PATROL, "bench-seeder", now,
                    categories.get(random.nextInt(categories.size())), pointIn(grid), "seeded by the scaling benchmark",
                    "bench-seeder", false, List.of());
            producer.send(new ProducerRecord<>(INTAKE, intakeId, WireCodec.intake().write(report)));
            ids.add(intakeId);
        }
        producer.flush();
        return ids;
    }

    private org.citygrid.model.geo.GeoPoint pointIn(UnitGrid grid) {
        Envelope box = grid.geometry().getEnvelopeInternal();
        while (true) {
            double lon = Math.round((box.getMinX() + random.nextDouble() * box.getWidth()) * 1e7) / 1e7;
            double lat = Math.round((box.getMinY() + random.nextDouble() * box.getHeight()) * 1e7) / 1e7;
            if (grid.geometry().contains(geometry.createPoint(new Coordinate(lon, lat)))) {
                return new org.citygrid.model.geo.GeoPoint(lon, lat);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
