package org.citygrid.devstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The broker's server.properties and log4j2 configuration: a combined broker + controller (KRaft) on
 * 127.0.0.1, sized for one small machine. Internal topics get one partition and one replica, so the
 * first consumer group or transaction does not wait for 50 partitions to be created.
 */
final class BrokerSettings {
    private BrokerSettings() {
    }

    static Map<String, String> serverProperties(Path logDir, int brokerPort, int controllerPort,
                                                Map<String, String> overrides) {
        return serverProperties(logDir, brokerPort, controllerPort, Optional.empty(), overrides);
    }

    /**
     * @param extra a second client listener, e.g. one that a proxy stands in front of: Kafka answers a client's
     *              metadata request with the addresses of the listener the request came in on, so a client that
     *              bootstraps through the advertised address keeps going through it for every partition leader
     */
    static Map<String, String> serverProperties(Path logDir, int brokerPort, int controllerPort,
                                                Optional<ExtraListener> extra, Map<String, String> overrides) {
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // A static voter set (not a --standalone dynamic quorum): the voters' endpoints then come from
        // this file on every start instead of being stored in the metadata log, so the controller port
        // may change between runs on the same data directory.
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String listeners = "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort;
        String advertised = "PLAINTEXT://127.0.0.1:" + brokerPort;
        String protocols = "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT";
        if (extra.isPresent()) {
            ExtraListener e = extra.get();
            listeners += "," + e.name() + "://127.0.0.1:" + e.port();
            advertised += "," + e.name() + "://127.0.0.1:" + e.advertisedPort();
            protocols += "," + e.name() + ":" + (e.saslUsers().isEmpty() ? "PLAINTEXT" : "SASL_PLAINTEXT");
            if (!e.saslUsers().isEmpty()) {
                p.put("sasl.enabled.mechanisms", "PLAIN");
                p.put("listener.name." + e.name().toLowerCase(java.util.Locale.ROOT) + ".plain.sasl.jaas.config",
                        plainLogin(e.saslUsers()));
            }
        }
        p.put("listeners", listeners);
        p.put("advertised.listeners", advertised);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", protocols);
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // After a SIGKILL the restarted broker cannot register until the controller has fenced its previous
        // incarnation, which takes a full session (9 s by default) and costs every kill+restart of a fault
        // spec that long. Broker and controller share one process here, so heartbeats never cross a network;
        // but a loaded 2-core CI machine can starve the heartbeat thread for seconds, and a broker fenced by
        // that is a short outage in the middle of an unrelated spec: 6 s is the compromise.
        p.put("broker.session.timeout.ms", "6000");
        p.put("broker.heartbeat.interval.ms", "500");
        // One recovery thread per data dir is plenty for test-sized logs and keeps restarts lean.
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.putAll(overrides);
        return p;
    }

    /** The broker side of SASL/PLAIN: one {@code user_NAME="PASSWORD"} option per account it accepts. */
    private static String plainLogin(Map<String, String> users) {
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        new TreeMap<>(users).forEach((user, password) -> jaas.append(" user_").append(user).append("=\"")
                .append(password.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return jaas.append(';').toString();
    }

    /**
     * A second client listener: PLAINTEXT, or SASL_PLAINTEXT with the PLAIN mechanism when it has accounts.
     *
     * @param name           the listener's name, upper case, e.g. {@code EDGE}
     * @param port           where the broker listens for it on 127.0.0.1
     * @param advertisedPort the port on 127.0.0.1 that clients of this listener are told to use (a proxy's)
     * @param saslUsers      user name to password of the accounts SASL/PLAIN accepts; empty for no authentication
     */
    record ExtraListener(String name, int port, int advertisedPort, Map<String, String> saslUsers) {
        ExtraListener {
            saslUsers = Map.copyOf(saslUsers);
        }
    }

    static void writeProperties(Path file, Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "written by devstack's KafkaBroker on every start; edits are overwritten");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Everything at INFO to stdout, which the parent sends to the broker log file. */
    static void writeLog4j2(Path file) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- written by devstack's KafkaBroker; the broker's stdout goes to broker.log -->
                <Configuration status="warn">
                  <Appenders>
                    <Console name="stdout" target="SYSTEM_OUT">
                      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka.coordinator" level="info"/>
                    <Logger name="org.apache.kafka.controller" level="info"/>
                    <Logger name="state.change.logger" level="warn"/>
                    <Logger name="kafka.request.logger" level="warn"/>
                    <Logger name="kafka.authorizer.logger" level="warn"/>
                    <Root level="info">
                      <AppenderRef ref="stdout"/>
                    </Root>
                  </Loggers>
                </Configuration>
                """;
        try {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
