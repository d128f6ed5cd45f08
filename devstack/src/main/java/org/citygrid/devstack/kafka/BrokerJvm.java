package org.citygrid.devstack.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.Uuid;
import org.citygrid.devstack.DevstackException;
import org.citygrid.devstack.Lifeline;
import org.citygrid.devstack.Processes;

/**
 * The JVMs that format a broker's storage and run the broker, from the class path of {@link BrokerClassPath}
 * and with the JDK running this JVM. Their output goes to the broker log.
 */
final class BrokerJvm {
    private final String classPath;
    private final Path serverProperties;
    private final Path log4j2;
    private final BrokerLog log;

    BrokerJvm(String classPath, Path serverProperties, Path log4j2, BrokerLog log) {
        this.classPath = classPath;
        this.serverProperties = serverProperties;
        this.log4j2 = log4j2;
        this.log = log;
    }

    /**
     * Formats the log directory named in server.properties for cluster {@code clusterId}, or for a new one-node
     * cluster when it is null.
     */
    void format(Path dataDir, String clusterId) {
        // The format tool runs for a second: C1 only and the serial collector start it fastest.
        List<String> command = command("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        command.addAll(List.of("kafka.tools.StorageTool", "format",
                "--cluster-id", clusterId != null ? clusterId : Uuid.randomUuid().toString(),
                "--config", serverProperties.toString(),
                "--ignore-formatted"));
        Processes.Result result = Processes.run(command, Duration.ofMinutes(2));
        log.note("kafka-storage format:\n" + result.output().strip());
        if (result.exitCode() != 0) {
            throw new DevstackException("formatting the Kafka data directory " + dataDir + " failed (exit code "
                    + result.exitCode() + "):\n" + result.output().strip());
        }
    }

    /**
     * Starts the broker ({@code kafka.Kafka}) behind a {@link Lifeline}. The caller must hold the returned process's
     * stdin open and never write to it: its closing is what tells the broker to shut down.
     */
    Process start(String maxHeap, Path pidFile) {
        List<String> command = command("-Xms128m", "-Xmx" + maxHeap, "-XX:+UseSerialGC");
        command.addAll(Lifeline.command("kafka.Kafka"));
        command.add(serverProperties.toString());
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
                    .start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return process;
        } catch (IOException e) {
            throw new DevstackException("cannot start the Kafka broker JVM: " + e, e);
        }
    }

    private List<String> command(String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        if (Runtime.version().feature() >= 23) {
            // Scala 2.13 and Kafka's server use sun.misc.Unsafe; JDK 24+ warns on every start otherwise.
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4j2);
        command.add("-cp");
        command.add(classPath);
        return command;
    }
}
