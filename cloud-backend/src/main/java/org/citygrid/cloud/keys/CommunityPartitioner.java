package org.citygrid.cloud.keys;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Puts every record of one community in one partition, whatever its key: a community code, a grid
 * code or a case id. Intake keyed by community and commands keyed by case id therefore meet the
 * same task, which holds the community's open cases (for duplicate matching) and the cases
 * themselves.
 *
 * <p>Keys without a community prefix never get here: the intake and command checks reject them
 * first, because a record that cannot be placed cannot be handled consistently.
 */
public final class CommunityPartitioner<V> implements StreamPartitioner<String, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        return Optional.of(Set.of(partition(key, numPartitions)));
    }

    /** Murmur2 of the community code, as Kafka's default partitioner hashes a whole key. */
    public static int partition(String key, int numPartitions) {
        String community = CaseIds.communityOf(key)
                .orElseThrow(() -> new IllegalArgumentException("no community code at the start of key '" + key + "'"));
        return Utils.toPositive(Utils.murmur2(community.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
