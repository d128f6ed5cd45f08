package org.citygrid.cloud.readmodel;

import java.util.Map;
import org.citygrid.contracts.topics.Topics;

/**
 * What the projection is given to run: its consumer's Kafka settings, the producer's for dead
 * letters, the topic names of this deployment, its group and batch size.
 *
 * @param consumer Kafka client settings of its consumer (bootstrap servers, security, group membership)
 * @param producer Kafka client settings of the producer that writes its dead letters
 * @param topics   the deployment's topic names
 * @param group    its consumer group ({@code CITYGRID_PROJECTION_GROUP})
 * @param batch    most records per database transaction ({@code CITYGRID_PROJECTION_BATCH})
 */
public record ProjectionSettings(Map<String, Object> consumer, Map<String, Object> producer, Topics topics, String group,
                                 int batch) {

    public ProjectionSettings {
        consumer = Map.copyOf(consumer);
        producer = Map.copyOf(producer);
    }
}
