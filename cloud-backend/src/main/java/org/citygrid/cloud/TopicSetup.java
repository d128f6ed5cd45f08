package org.citygrid.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.citygrid.cloud.config.CaseCycleSettings;
import org.citygrid.contracts.topics.Topics;

/**
 * Creates the catalogue's topics ({@link Topics#specs}) with their documented partition counts and
 * configs: cloud-backend owns their creation, because it decides how cases are partitioned. A topic
 * that exists with another partition count is an error: cases are placed by partition, and a
 * silent change would split a community's cases between tasks.
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** Creates what is missing on the cluster cloud-backend is configured for, with its client settings. */
    public static void ensure(CaseCycleSettings settings) {
        ensure(settings.kafkaClient(), settings.topics(), settings.partitions(), settings.replication());
    }

    public static void ensure(String bootstrapServers, Topics topics, int partitions, short replication) {
        ensure(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topics, partitions, replication);
    }

    private static void ensure(Map<String, Object> client, Topics topics, int partitions, short replication) {
        Object bootstrapServers = client.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        List<Topics.Spec> specs = topics.specs(partitions);
        try (Admin admin = Admin.create(client)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topics.Spec spec : specs) {
                if (!existing.contains(spec.name())) {
                    missing.add(new NewTopic(spec.name(), spec.partitions(), replication).configs(spec.configs()));
                }
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            Map<String, TopicDescription> described = described(admin, specs);
            for (Topics.Spec spec : specs) {
                int actual = described.get(spec.name()).partitions().size();
                if (actual != spec.partitions()) {
                    throw new IllegalStateException("topic " + spec.name() + " has " + actual + " partitions; the case cycle"
                            + " is configured for " + spec.partitions() + " (CITYGRID_PARTITIONS). Changing it moves"
                            + " cases between partitions: set CITYGRID_PARTITIONS to match, or migrate on purpose.");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create the case-cycle topics on " + bootstrapServers + ": " + e, e);
        }
    }

    /**
     * The topics as the cluster describes them. On a cluster of several brokers, the broker asked may not know a
     * topic created a moment ago (UnknownTopicOrPartition until the metadata reaches it): asked again for up to
     * 30 s, then the error stands.
     */
    private static Map<String, TopicDescription> described(Admin admin, List<Topics.Spec> specs)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return admin.describeTopics(specs.stream().map(Topics.Spec::name).toList())
                        .allTopicNames().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > giveUp) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
