package org.citygrid.devstack.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.citygrid.devstack.DevstackException;
import org.citygrid.devstack.FreePorts;

/**
 * A KRaft cluster of several combined broker + controller nodes on 127.0.0.1, set up as docs/deploy.md asks of a
 * production cluster: every topic, the consumer offsets and the transaction log with one replica per node, and
 * {@code min.insync.replicas} one less than that, so one node can be down without stopping an {@code acks=all}
 * writer or a transaction. Each node is a {@link KafkaBroker} in {@code dir/node-N}, to be killed and restarted
 * on its own.
 */
public final class KafkaCluster implements AutoCloseable {

    private final List<KafkaBroker> nodes;

    private KafkaCluster(List<KafkaBroker> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Starts {@code size} nodes together (a controller quorum needs a majority before any node answers) and
     * returns once each answers.
     *
     * @throws DevstackException when a node does not start; the others are stopped
     */
    public static KafkaCluster start(Path dir, int size) {
        if (size < 3) {
            throw new IllegalArgumentException("a cluster that survives a lost node has at least 3 nodes, not " + size);
        }
        List<Integer> ports = distinctFreePorts(2 * size);
        String voters = java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + ports.get(size + i)).collect(Collectors.joining(","));
        String replicas = Integer.toString(size);
        String minInSync = Integer.toString(size - 1);
        String clusterId = Uuid.randomUuid().toString();
        List<KafkaBroker> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(KafkaBroker.builder(dir.resolve("node-" + (i + 1)))
                    .brokerPort(ports.get(i))
                    .controllerPort(ports.get(size + i))
                    .clusterId(clusterId)
                    .maxHeap("384m")
                    .property("node.id", Integer.toString(i + 1))
                    .property("controller.quorum.voters", voters)
                    .property("default.replication.factor", replicas)
                    .property("min.insync.replicas", minInSync)
                    .property("offsets.topic.replication.factor", replicas)
                    .property("transaction.state.log.replication.factor", replicas)
                    .property("transaction.state.log.min.isr", minInSync)
                    .property("share.coordinator.state.topic.replication.factor", replicas)
                    .property("share.coordinator.state.topic.min.isr", minInSync)
                    .build());
        }
        KafkaCluster cluster = new KafkaCluster(nodes);
        // a thread per node: the common pool may have one thread on a small machine, and a node waits in start()
        // until a majority of the controllers is up
        ExecutorService starters = Executors.newFixedThreadPool(size);
        try {
            CompletableFuture.allOf(nodes.stream()
                    .map(node -> CompletableFuture.runAsync(node::start, starters))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            cluster.close();
            throw e.getCause() instanceof DevstackException d ? d
                    : new DevstackException("the Kafka cluster in " + dir + " did not start: " + e.getCause(), e.getCause());
        } finally {
            starters.shutdown();
        }
        return cluster;
    }

    private static List<Integer> distinctFreePorts(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(FreePorts.pick());
        }
        return new ArrayList<>(ports);
    }

    /** Every node's client address, for clients that must find the cluster with any one node down. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** Creates topics of one partition with a replica on every node; topics that exist already are left as they are. */
    public void createTopics(String... names) {
        KafkaBroker running = nodes.stream().filter(KafkaBroker::isRunning).findFirst()
                .orElseThrow(() -> new DevstackException("no node of the cluster is running"));
        running.createTopics(java.util.Arrays.stream(names).map(name -> new NewTopic(name, 1, (short) nodes.size())).toList());
    }

    /** Node {@code id} (1-based, its {@code node.id}). */
    public KafkaBroker node(int id) {
        return nodes.get(id - 1);
    }

    public int size() {
        return nodes.size();
    }

    /**
     * Kills every node. A graceful stop one node after the other would leave the last ones waiting for a
     * controller quorum that is gone, up to a minute each; a test cluster's data is not kept anyway.
     */
    @Override
    public void close() {
        nodes.forEach(KafkaBroker::kill);
    }
}
