package org.citygrid.devstack.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.citygrid.devstack.DevstackException;
import org.citygrid.devstack.FreePorts;
import org.citygrid.devstack.ProcessReaper;
import org.citygrid.devstack.Processes;
import org.citygrid.devstack.ServiceDirectory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) running in a child JVM
 * from the kafka_2.13 jars, for tests and the all-in-one demo.
 *
 * <p>Everything lives in the directory given to {@link #builder(Path)}, which is kept across restarts:
 * {@code data/} (the log directory, formatted on first start), {@code server.properties},
 * {@code log4j2.xml}, {@code broker.log} (the child's output, appended to) and {@code broker.pid}.
 * Ports are free loopback ports picked on first start unless fixed in the builder, and stay the same
 * across {@link #restart()} of one instance, so clients may keep their {@link #bootstrapServers()}.
 *
 * <p>A started broker is stopped when the JVM exits; if the JVM is killed, the child notices its closed
 * stdin and exits by itself (its {@link org.citygrid.devstack.Lifeline}), and a later start on the same directory kills a
 * broker a previous run left behind.
 *
 * <p>Not thread-safe: one owner starts, stops, kills and restarts it.
 */
public final class KafkaBroker implements ProcessReaper.Service, AutoCloseable {

    private final Path dir;
    private final Integer fixedBrokerPort;
    private final Integer fixedControllerPort;
    private final Map<String, String> overrides;
    private final Optional<BrokerSettings.ExtraListener> extraListener;
    private final String maxHeap;
    private final Duration startTimeout;
    private final String clusterId;
    private final BrokerLog log;

    private int brokerPort;
    private int controllerPort;
    private Process process;
    private OutputStream lifeline;

    private KafkaBroker(Builder builder) {
        this.dir = ServiceDirectory.prepare("Kafka broker", builder.dir);
        this.fixedBrokerPort = builder.brokerPort;
        this.fixedControllerPort = builder.controllerPort;
        this.overrides = Map.copyOf(builder.overrides);
        this.extraListener = Optional.ofNullable(builder.extraListener);
        this.maxHeap = builder.maxHeap;
        this.startTimeout = builder.startTimeout;
        this.clusterId = builder.clusterId;
        this.log = new BrokerLog(dir.resolve("broker.log"));
    }

    /** A broker with default settings keeping its data in {@code dir}. */
    public static KafkaBroker in(Path dir) {
        return builder(dir).build();
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /**
     * Starts the broker and returns once it answers an AdminClient's describeCluster. Formats the data
     * directory first when it has never been formatted. Does nothing when already running.
     *
     * @throws DevstackException when the broker exits or does not answer within the start timeout; the
     *                           message ends with the tail of the broker log
     */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        killLeftoverFromEarlierRun();
        if (brokerPort == 0) {
            brokerPort = fixedBrokerPort != null ? fixedBrokerPort : FreePorts.pick();
            controllerPort = fixedControllerPort != null ? fixedControllerPort : FreePorts.pickOtherThan(brokerPort);
        }
        FreePorts.requireFree(brokerPort, "the Kafka broker in " + dir + " (client port)");
        FreePorts.requireFree(controllerPort, "the Kafka broker in " + dir + " (controller port)");
        extraListener.ifPresent(e -> FreePorts.requireFree(e.port(),
                "the Kafka broker in " + dir + " (listener " + e.name() + ")"));
        Path dataDir = dir.resolve("data");
        BrokerSettings.writeProperties(serverProperties(),
                BrokerSettings.serverProperties(dataDir, brokerPort, controllerPort, extraListener, overrides));
        BrokerSettings.writeLog4j2(dir.resolve("log4j2.xml"));
        BrokerJvm jvm = new BrokerJvm(BrokerClassPath.load(), serverProperties(), dir.resolve("log4j2.xml"), log);
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            jvm.format(dataDir, clusterId);
        }
        log.note("starting broker on " + bootstrapServers() + " (controller 127.0.0.1:" + controllerPort + ")");
        process = jvm.start(maxHeap, pidFile());
        lifeline = process.getOutputStream(); // held open: its closing tells the child to shut down
        ProcessReaper.register(this);
        awaitReady();
        return this;
    }

    /**
     * Stops the broker gracefully (SIGTERM: Kafka's controlled shutdown flushes and closes its logs),
     * falling back to SIGKILL after 60 seconds. Does nothing when not running.
     */
    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        log.note("stopping broker (SIGTERM)");
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                Processes.killTree(process.toHandle(), Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Processes.killTree(process.toHandle(), Duration.ofSeconds(10));
        }
        forget();
    }

    /**
     * Kills the broker with SIGKILL, as a crash would, and waits until it is gone. Whatever it had
     * acknowledged is in its log segments (written, not necessarily fsynced, which a process crash does
     * not lose); the next start recovers the logs. Does nothing when not running.
     */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        log.note("killing broker (SIGKILL)");
        Processes.killTree(process.toHandle(), Duration.ofSeconds(30));
        forget();
    }

    /** Stops the broker gracefully if it is running, then starts it again on the same ports and data. */
    public synchronized KafkaBroker restart() {
        stop();
        return start();
    }

    /** True while the child JVM started by this instance is alive. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * The exit code of the broker JVM once it has ended by itself (a crash, or a kill by someone else); empty while it
     * runs, and after {@link #stop()} or {@link #kill()}, which end it on purpose.
     */
    public synchronized OptionalInt exitCode() {
        return process != null && !process.isAlive() ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** {@code 127.0.0.1:PORT}; known once the broker has been started. */
    public synchronized String bootstrapServers() {
        if (brokerPort == 0) {
            throw new IllegalStateException("the broker in " + dir + " has not been started yet");
        }
        return "127.0.0.1:" + brokerPort;
    }

    /** Client settings to reach this broker ({@code bootstrap.servers}), to extend with a client's own. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    /** Creates topics with one partition each; topics that exist already are left as they are. */
    public void createTopics(String... names) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, 1, (short) 1));
        }
        createTopics(topics);
    }

    /** Creates the given topics and waits for them; topics that exist already are left as they are. */
    public void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = Admin.create(clientProperties())) {
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new DevstackException("cannot create topic " + name + " on " + bootstrapServers()
                                + ": " + e.getCause(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DevstackException("interrupted while creating topic " + name, e);
                } catch (TimeoutException e) {
                    throw new DevstackException("topic " + name + " was not created within 30 s on "
                            + bootstrapServers() + "\n" + log.tail(), e);
                }
            });
        }
    }

    /** The directory given at construction, holding data, configuration and the log. */
    public Path directory() {
        return dir;
    }

    /** The broker's log: everything the child JVM printed, across all its starts. */
    public Path logFile() {
        return log.file();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + (brokerPort == 0 ? "not started" : bootstrapServers()) + ", " + dir + "]";
    }

    private Path serverProperties() {
        return dir.resolve("server.properties");
    }

    private Path pidFile() {
        return dir.resolve("broker.pid");
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        switch (BrokerReadiness.await(process, brokerPort, clientProperties(), deadline)) {
            case READY -> {
            }
            case EXITED -> {
                int code = process.exitValue();
                forget();
                throw new DevstackException("the Kafka broker in " + dir + " exited during start (exit code " + code
                        + ")\n" + log.tail());
            }
            case TIMED_OUT -> {
                kill();
                throw new DevstackException("the Kafka broker in " + dir + " did not answer on port " + brokerPort
                        + " within " + startTimeout + " and was killed\n" + log.tail());
            }
        }
    }

    /**
     * A broker whose JVM died without its shutdown hooks (the owning JVM was SIGKILLed) may still be
     * exiting, or be stuck: it holds the data directory's lock, so a new broker could not start.
     */
    private void killLeftoverFromEarlierRun() {
        Path pidFile = pidFile();
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Optional<ProcessHandle> leftover = Processes.alive(pid)
                    .filter(h -> h.info().commandLine().map(c -> c.contains(serverProperties().toString()))
                            .orElse(false));
            leftover.ifPresent(h -> {
                log.note("killing broker " + pid + " left behind by an earlier run");
                Processes.killTree(h, Duration.ofSeconds(30));
            });
            Files.delete(pidFile);
        } catch (IOException | NumberFormatException e) {
            throw new DevstackException("cannot read or remove " + pidFile + ": " + e, e);
        }
    }

    private void forget() {
        ProcessReaper.unregister(this);
        try {
            if (lifeline != null) {
                lifeline.close();
            }
        } catch (IOException ignored) {
            // the child is gone already
        }
        lifeline = null;
        process = null;
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // a stale pid file is checked against the process's command line before it is acted on
        }
    }

    /** Settings for a {@link KafkaBroker}; every one has a default fit for tests on a small machine. */
    public static final class Builder {
        private final Path dir;
        private Integer brokerPort;
        private Integer controllerPort;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private BrokerSettings.ExtraListener extraListener;
        private String maxHeap = "512m";
        private Duration startTimeout = Duration.ofSeconds(90);
        private String clusterId;

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** The client (PLAINTEXT) port on 127.0.0.1; a free one by default. */
        public Builder brokerPort(int port) {
            this.brokerPort = port;
            return this;
        }

        /** The KRaft controller port on 127.0.0.1; a free one by default. */
        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        /**
         * A second client listener {@code name} on 127.0.0.1:{@code port}, advertised as 127.0.0.1:{@code
         * advertisedPort}: put a proxy on the advertised port that forwards to {@code port}, and every client that
         * bootstraps through the proxy stays behind it (metadata names the listener a request came in on), while
         * clients of {@link #bootstrapServers()} keep their direct way in. Used to cut one client off the broker
         * without touching the others (docs/drills.md, edge-cutoff). Both ports are fixed, and kept over restarts.
         */
        public Builder extraListener(String name, int port, int advertisedPort) {
            this.extraListener = new BrokerSettings.ExtraListener(listenerName(name), port, advertisedPort, Map.of());
            return this;
        }

        /**
         * A second client listener {@code name} on 127.0.0.1:{@code port} that takes SASL/PLAIN only, from the
         * accounts in {@code users} (name to password): a secured cluster's way in, for specs of clients that must
         * be given credentials. {@link #bootstrapServers()} stays the unauthenticated listener.
         */
        public Builder saslPlainListener(String name, int port, Map<String, String> users) {
            if (users.isEmpty()) {
                throw new IllegalArgumentException("a SASL/PLAIN listener needs at least one account");
            }
            this.extraListener = new BrokerSettings.ExtraListener(listenerName(name), port, port, users);
            return this;
        }

        private static String listenerName(String name) {
            if (!name.matches("[A-Z][A-Z0-9_]*") || name.equals("PLAINTEXT") || name.equals("CONTROLLER")) {
                throw new IllegalArgumentException("a listener name is upper case and not PLAINTEXT or CONTROLLER: " + name);
            }
            return name;
        }

        /** Sets or overrides one server.properties entry, e.g. {@code auto.create.topics.enable=false}. */
        public Builder property(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        /** The child JVM's -Xmx, {@code 512m} by default. */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = maxHeap;
            return this;
        }

        /** How long {@link #start()} waits for the broker to answer, 90 s by default. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * The cluster id its storage is formatted with (a new random one by default): the nodes of one cluster
         * must share it ({@link KafkaCluster}).
         */
        public Builder clusterId(String clusterId) {
            this.clusterId = clusterId;
            return this;
        }

        public KafkaBroker build() {
            return new KafkaBroker(this);
        }
    }
}
