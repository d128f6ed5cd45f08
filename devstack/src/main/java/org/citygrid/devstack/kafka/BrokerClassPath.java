package org.citygrid.devstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.citygrid.devstack.DevstackException;
import org.citygrid.devstack.Lifeline;

/**
 * The class path of the broker's child JVM: the kafka_2.13 jars with everything they need, as devstack's
 * build resolved them (absolute paths into the local Maven repository, written by the
 * maven-dependency-plugin into the resource {@value #RESOURCE}), plus devstack's own classes for its
 * {@link Lifeline}. None of these jars are on the caller's class path: devstack declares them optional.
 */
final class BrokerClassPath {
    static final String RESOURCE = "broker-classpath.txt";

    private BrokerClassPath() {
    }

    static String load() {
        String resolved;
        try (InputStream in = BrokerClassPath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DevstackException("devstack was built without its broker class path (resource "
                        + RESOURCE + "); rebuild it: ./gridcity mvn -pl devstack -am install -DskipTests");
            }
            resolved = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new DevstackException("cannot read the broker class path resource " + RESOURCE, e);
        }
        List<String> entries = new ArrayList<>(List.of(resolved.split(java.io.File.pathSeparator)));
        for (String entry : entries) {
            if (!Files.exists(Path.of(entry))) {
                throw new DevstackException("the Kafka broker's jar " + entry + " is missing (the class path was"
                        + " resolved on another machine or the local Maven repository was cleaned); rebuild"
                        + " devstack: ./gridcity mvn -pl devstack -am install -DskipTests");
            }
        }
        entries.add(Lifeline.classPath());
        return String.join(java.io.File.pathSeparator, entries);
    }
}
