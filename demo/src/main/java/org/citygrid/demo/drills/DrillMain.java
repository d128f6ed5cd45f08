package org.citygrid.demo.drills;

import java.nio.file.Path;
import java.util.List;

import org.citygrid.demo.Console;
import org.citygrid.demo.DemoException;

/**
 * {@code ./gridcity drill NAME [options]}: runs one fault drill and exits 0 when its count shows nothing lost or
 * duplicated, 1 when it does or the drill could not run, 2 for a wrong command line.
 */
public final class DrillMain {
    /** The drills there are, one per {@link Fault}; what issue 7 asks for beyond them is in docs/drills.md. */
    public static final List<String> DRILLS = Fault.names();

    private DrillMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        List<String> all = List.of(args);
        String name = all.isEmpty() ? "" : all.getFirst();
        if (!DRILLS.contains(name)) {
            System.err.println("[drill] " + (name.isEmpty() ? "which drill?" : "unknown drill '" + name + "'")
                    + "; available: " + String.join(", ", DRILLS));
            System.exit(2);
            return;
        }
        Fault fault = Fault.named(name).orElseThrow();
        List<String> rest = all.subList(1, all.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            System.out.print(DrillOptions.usage(fault));
            return;
        }
        DrillOptions options;
        try {
            Path callerDir = Path.of(System.getenv().getOrDefault("GRIDCITY_CALLER_DIR", "")).toAbsolutePath();
            Path root = Path.of(System.getenv().getOrDefault("GRIDCITY_ROOT", "")).toAbsolutePath();
            options = DrillOptions.parse(fault, rest, root, callerDir);
        } catch (DemoException e) {
            System.err.println("[drill] " + e.getMessage() + "\n" + DrillOptions.usage(fault));
            System.exit(2);
            return;
        }
        try {
            DrillCount count = new FaultDrill(options, Console.system()).run();
            System.exit(count.passed() ? 0 : 1);
        } catch (RuntimeException e) {
            System.err.println("[drill] error: " + e.getMessage());
            if (!(e instanceof DemoException) && !(e instanceof org.citygrid.devstack.DevstackException)) {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }
}
