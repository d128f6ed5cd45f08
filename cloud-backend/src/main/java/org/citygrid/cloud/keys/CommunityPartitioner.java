package org.citygrid.cloud.keys;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Puts every record of one community in one partition, whatever its key: a community code, a grid
 * code or a case id. Intake keyed by community and commands keyed by case id therefore meet the
 * same task, which holds the community's open cases (for duplicate matching) and the cases
 * themselves.
 *
 * <p>Keys without a community prefix never get here: the intake and command checks reject them
 * first, because a record that cannot be placed cannot be handled consistently. The repartition
 * topics use it through {@code streams.ByCommunity}; a producer that keys its records the same way
 * could write straight to the community's partition.
 */
public final class CommunityPartitioner {

    private CommunityPartitioner() {
    }

    /** Murmur2 of the community code, as Kafka's default partitioner hashes a whole key. */
    public static int partition(String key, int numPartitions) {
        String community = CaseIds.communityOf(key)
                .orElseThrow(() -> new IllegalArgumentException("no community code at the start of key '" + key + "'"));
        return Utils.toPositive(Utils.murmur2(community.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
