package org.citygrid.demo.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One service of the demo, as a child JVM: everything the demo needs to start it, know it is ready, and find
 * its log. The service is run from its own module's build, with its own class path, and configured only the
 * way its documentation says (environment variables, a configuration file): the demo never loads its classes.
 *
 * @param name       short name on the console and for the log and pid files, e.g. {@code edge-1}
 * @param module     the Maven module whose build is run, e.g. {@code edge-node}
 * @param mainClass  its main class
 * @param jvmOptions e.g. {@code -Xmx256m}
 * @param args       program arguments
 * @param env        environment variables set on top of the demo's own
 * @param readiness  how to tell it is ready
 * @param logFile    where its stdout and stderr go (appended to, across runs)
 */
public record ServiceSpec(String name, String module, String mainClass, List<String> jvmOptions, List<String> args,
                          Map<String, String> env, Readiness readiness, Path logFile) {
    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(mainClass, "mainClass");
        jvmOptions = List.copyOf(jvmOptions);
        args = List.copyOf(args);
        env = Map.copyOf(env);
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(logFile, "logFile");
    }
}
