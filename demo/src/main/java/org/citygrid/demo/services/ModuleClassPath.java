package org.citygrid.demo.services;

import java.io.IOException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.citygrid.demo.DemoException;

/**
 * The class path a module's service runs with: its {@code target/classes} and its runtime dependencies as
 * listed in {@code target/classpath.txt}, which {@code ./gridcity build} and {@code ./gridcity demo} write for
 * every module (maven-dependency-plugin's build-classpath). Each service gets its own, so that Micronaut,
 * Kafka Streams and Californium never meet on one class path.
 */
public final class ModuleClassPath {
    public static final String FILE = "target/classpath.txt";

    private ModuleClassPath() {
    }

    /**
     * @throws DemoException saying how to build the module when its classes, its main class or its class path
     *                       file are missing
     */
    public static String of(Path root, String module, String mainClass) {
        Path moduleDir = root.resolve(module);
        Path classes = moduleDir.resolve("target/classes");
        Path listing = moduleDir.resolve(FILE);
        String build = "build it with ./gridcity build (./gridcity demo does this unless told --skip-build)";
        if (!Files.isDirectory(moduleDir.resolve("src/main"))) {
            throw new DemoException(module + " has no code in " + root + " yet (only its pom): leave it out with"
                    + " --without " + (module.equals("edge-node") ? "edge-nodes" : module));
        }
        if (!Files.isDirectory(classes) || !Files.isRegularFile(listing)) {
            throw new DemoException(module + " is not built in " + root + " (no " + classes + " or " + listing + "): "
                    + build);
        }
        Path mainFile = classes.resolve(mainClass.replace('.', '/') + ".class");
        if (!Files.isRegularFile(mainFile)) {
            throw new DemoException(module + " has no main class " + mainClass + " in " + classes
                    + ": this checkout's " + module + " cannot be started by the demo yet, or is not built; " + build);
        }
        try {
            String dependencies = Files.readString(listing, StandardCharsets.UTF_8).strip();
            return dependencies.isEmpty() ? classes.toString() : classes + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new DemoException("cannot read " + listing + ": " + e.getMessage() + "; " + build, e);
        }
    }
}
