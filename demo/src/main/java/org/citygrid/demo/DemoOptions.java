package org.citygrid.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code ./gridcity demo} was asked to do, from its command line.
 *
 * @param root            the CityGrid checkout whose modules' builds are started
 * @param dataDir         where everything the demo keeps between runs lives
 * @param fresh           delete that folder's contents first
 * @param ports           the ports to listen on
 * @param edgeNodes       how many edge nodes (one per street of the sample city)
 * @param sensorsPerEdge  how many of the street's sensors each edge node registers
 * @param without         services not to start: {@code cloud-backend}, {@code mobile-api}, {@code edge-nodes},
 *                        {@code simulator} (e.g. to run one of them from an IDE instead)
 * @param readingsPerSecond the simulator's sensor readings per second, over all sensors
 * @param startTimeout    how long one service may take to become ready
 */
public record DemoOptions(Path root, Path dataDir, boolean fresh, DemoPorts ports, int edgeNodes, int sensorsPerEdge,
                          Set<String> without, double readingsPerSecond, Duration startTimeout) {

    /** The services {@code --without} may name. */
    public static final Set<String> OPTIONAL_SERVICES = Set.of("cloud-backend", "mobile-api", "edge-nodes", "simulator");

    public DemoOptions {
        without = Set.copyOf(without);
    }

    /** Whether the demo starts this service (one of {@link #OPTIONAL_SERVICES}). */
    public boolean starts(String service) {
        return !without.contains(service);
    }

    public static final String USAGE = """
            usage: ./gridcity demo [options]
              --data DIR            data folder, kept between runs (default: demo-data in the checkout)
              --fresh               delete the data folder's contents and start a new city
              --port-base N         all ports from N: API N, CoAP N+1.., then Kafka and PostgreSQL
              --api-port N          mobile-api's HTTP port (default 8080)
              --coap-port N         first edge node's CoAP port, DTLS on N+1, the next node N+2/N+3 (default 5683)
              --kafka-port N        the Kafka broker's port (default 19092)
              --postgres-port N     PostgreSQL's port (default 15432)
              --sensors-per-edge N  sensors registered with each edge node (default 24)
              --rate R              simulated sensor readings per second, all sensors together (default 4)
              --no-simulator        start the system without the simulator
              --without A,B         leave out services: cloud-backend, mobile-api, edge-nodes, simulator
              --start-timeout SECS  how long one service may take to start (default 180)
              --skip-build          (./gridcity only) start from the last build instead of building first
            """;

    private static final int EDGE_NODES = 2;

    /**
     * @param callerDir the directory the command was typed in: a relative {@code --data} is relative to it
     * @throws DemoException naming the option, with the usage, when the command line is wrong
     */
    public static DemoOptions parse(List<String> args, Path root, Path callerDir) {
        Path data = root.resolve("demo-data");
        boolean fresh = false;
        Integer base = null;
        Integer api = null;
        Integer coap = null;
        Integer kafka = null;
        Integer postgres = null;
        int sensors = 24;
        Set<String> without = new LinkedHashSet<>();
        double rate = 4;
        Duration timeout = Duration.ofSeconds(180);
        Arguments rest = new Arguments(args, USAGE);
        while (rest.hasNext()) {
            String option = rest.next();
            switch (option) {
                case "--data" -> data = callerDir.resolve(rest.value(option));
                case "--fresh" -> fresh = true;
                case "--port-base" -> base = port(option, rest);
                case "--api-port" -> api = port(option, rest);
                case "--coap-port" -> coap = port(option, rest);
                case "--kafka-port" -> kafka = port(option, rest);
                case "--postgres-port" -> postgres = port(option, rest);
                case "--sensors-per-edge" -> sensors = rest.atLeast(option, 1);
                case "--rate" -> rate = rest.aboveZero(option);
                case "--no-simulator" -> without.add("simulator");
                case "--without" -> without.addAll(services(option, rest));
                case "--start-timeout" -> timeout = Duration.ofSeconds(rest.atLeast(option, 1));
                case "--root" -> root = Path.of(rest.value(option));
                default -> throw new DemoException("unknown option '" + option + "'\n" + USAGE);
            }
        }
        DemoPorts p = base != null ? DemoPorts.fromBase(base, EDGE_NODES) : DemoPorts.defaults();
        p = new DemoPorts(or(api, p.api()), or(coap, p.coap()), or(kafka, p.kafka()), or(postgres, p.postgres()));
        return new DemoOptions(root.toAbsolutePath().normalize(), data.toAbsolutePath().normalize(), fresh, p,
                EDGE_NODES, sensors, without, rate, timeout);
    }

    private static List<String> services(String option, Arguments rest) {
        List<String> names = List.of(rest.value(option).split(","));
        for (String name : names) {
            if (!OPTIONAL_SERVICES.contains(name.strip())) {
                throw new DemoException(option + ": no service '" + name + "'; it may name "
                        + String.join(", ", new java.util.TreeSet<>(OPTIONAL_SERVICES)));
            }
        }
        return names.stream().map(String::strip).toList();
    }

    private static int or(Integer value, int fallback) {
        return value != null ? value : fallback;
    }

    private static int port(String option, Arguments rest) {
        int port = rest.wholeNumber(option);
        if (port < 1 || port > 65_000) {
            throw new DemoException(option + " must be a port between 1 and 65000, not " + port);
        }
        return port;
    }
}
