package org.citygrid.devstack.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.citygrid.devstack.DevstackException;
import org.citygrid.devstack.FreePorts;
import org.citygrid.devstack.LogTail;
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
 * stdin and exits by itself (see {@link BrokerMain}), and a later start on the same directory kills a
 * broker a previous run left behind.
 *
 * <p>Not thread-safe: one owner starts, stops, kills and restarts it.
 */
public final class KafkaBroker implements ProcessReaper.Service, AutoCloseable {
    private static final int LOG_TAIL_LINES = 40;
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final Path dir;
    private final Integer fixedBrokerPort;
    private final Integer fixedControllerPort;
    private final Map<String, String> overrides;
    private final String maxHeap;
    private final Duration startTimeout;

    private int brokerPort;
    private int controllerPort;
    private Process process;
    private OutputStream lifeline;

    private KafkaBroker(Builder builder) {
        this.dir = ServiceDirectory.prepare("Kafka broker", builder.dir);
        this.fixedBrokerPort = builder.brokerPort;
        this.fixedControllerPort = builder.controllerPort;
        this.overrides = Map.copyOf(builder.overrides);
        this.maxHeap = builder.maxHeap;
        this.startTimeout = builder.startTimeout;
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
        Path dataDir = dir.resolve("data");
        BrokerSettings.writeProperties(serverProperties(),
                BrokerSettings.serverProperties(dataDir, brokerPort, controllerPort, overrides));
        BrokerSettings.writeLog4j2(dir.resolve("log4j2.xml"));
        String classPath = BrokerClassPath.load();
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            format(classPath);
        }
        launch(classPath);
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
        appendToLog("stopping broker (SIGTERM)\n");
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
        appendToLog("killing broker (SIGKILL)\n");
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
                            + bootstrapServers() + "\n" + LogTail.of(logFile(), LOG_TAIL_LINES), e);
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
        return dir.resolve("broker.log");
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

    private List<String> javaCommand(String classPath, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        if (Runtime.version().feature() >= 23) {
            // Scala 2.13 and Kafka's server use sun.misc.Unsafe; JDK 24+ warns on every start otherwise.
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.xml"));
        command.add("-cp");
        command.add(classPath);
        return command;
    }

    private void format(String classPath) {
        // The format tool runs for a second: C1 only and the serial collector start it fastest.
        List<String> command = javaCommand(classPath, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        command.addAll(List.of("kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(),
                "--config", serverProperties().toString(),
                "--ignore-formatted"));
        Processes.Result result = Processes.run(command, Duration.ofMinutes(2));
        appendToLog("kafka-storage format:\n" + result.output());
        if (result.exitCode() != 0) {
            throw new DevstackException("formatting the Kafka data directory " + dir.resolve("data")
                    + " failed (exit code " + result.exitCode() + "):\n" + result.output().strip());
        }
    }

    private void launch(String classPath) {
        List<String> command = javaCommand(classPath, "-Xms128m", "-Xmx" + maxHeap, "-XX:+UseSerialGC");
        command.add(BrokerMain.class.getName());
        command.add(serverProperties().toString());
        appendToLog("starting broker on " + bootstrapServers() + " (controller 127.0.0.1:"
                + controllerPort + ")\n");
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            lifeline = process.getOutputStream(); // held open: its closing tells the child we are gone
            Files.writeString(pidFile(), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new DevstackException("cannot start the Kafka broker JVM: " + e, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        // First the port, cheaply: an AdminClient against a closed port fills logs with connection warnings.
        while (!acceptsConnections()) {
            checkAliveAndInTime(deadline);
            pause();
        }
        Map<String, Object> adminProperties = clientProperties();
        adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(adminProperties)) {
            while (true) {
                checkAliveAndInTime(deadline);
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not ready yet: the loop checks the process and the deadline again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DevstackException("interrupted while waiting for the Kafka broker", e);
                }
                pause();
            }
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", brokerPort), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void checkAliveAndInTime(long deadline) {
        if (!process.isAlive()) {
            int code = process.exitValue();
            forget();
            throw new DevstackException("the Kafka broker in " + dir + " exited during start (exit code " + code
                    + ")\n" + LogTail.of(logFile(), LOG_TAIL_LINES));
        }
        if (System.nanoTime() > deadline) {
            kill();
            throw new DevstackException("the Kafka broker in " + dir + " did not answer on port " + brokerPort
                    + " within " + startTimeout + " and was killed\n" + LogTail.of(logFile(), LOG_TAIL_LINES));
        }
    }

    /** A short wait between readiness polls; the poll itself is what decides when to go on. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while waiting for the Kafka broker", e);
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
                appendToLog("killing broker " + pid + " left behind by an earlier run\n");
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

    /** Adds a devstack line to the broker log, stamped like Kafka's own so the two read as one story. */
    private void appendToLog(String text) {
        String line = "[" + LocalDateTime.now().format(LOG_TIME) + "] devstack: " + text;
        try {
            Files.writeString(logFile(), line, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker log " + logFile(), e);
        }
    }

    /** Settings for a {@link KafkaBroker}; every one has a default fit for tests on a small machine. */
    public static final class Builder {
        private final Path dir;
        private Integer brokerPort;
        private Integer controllerPort;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private String maxHeap = "512m";
        private Duration startTimeout = Duration.ofSeconds(90);

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

        public KafkaBroker build() {
            return new KafkaBroker(this);
        }
    }
}
