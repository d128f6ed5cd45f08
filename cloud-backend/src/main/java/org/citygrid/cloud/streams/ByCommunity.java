package org.citygrid.cloud.streams;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.citygrid.cloud.keys.CommunityPartitioner;

/** The repartition topics' partitioner: every record of one community in one partition ({@link CommunityPartitioner}). */
final class ByCommunity<V> implements StreamPartitioner<String, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        return Optional.of(Set.of(CommunityPartitioner.partition(key, numPartitions)));
    }
}
