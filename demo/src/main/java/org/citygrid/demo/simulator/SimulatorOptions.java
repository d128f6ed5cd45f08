package org.citygrid.demo.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The simulator's command line.
 *
 * @param edges             each edge node to drive and the registry file holding its devices' keys
 * @param readingsPerSecond sensor readings per second over all sensors
 * @param alarmChance       chance that a normal reading starts an alarm episode
 * @param hold              how long an alarm stays raised before the sensor comes back to normal
 * @param duration          how long to run; null for until stopped
 * @param api               mobile-api's base URL, or null to simulate sensors only
 * @param accountsFile      the people to act as (the demo's accounts.json format)
 * @param cityDir           the sample city's files (where residents report), or null to generate the city
 * @param cityGrids         grid count of the generated city when there is no {@code cityDir}
 * @param actionsPerMinute  people's steps per minute
 * @param patrolEvery       how often each patrol field device posts a report; null for never
 * @param shares            how often people return a task, ask for more time, and the desk approves it
 */
public record SimulatorOptions(List<Edge> edges, double readingsPerSecond, double alarmChance, Duration hold,
                               Duration duration, java.net.URI api, Path accountsFile, Path cityDir, int cityGrids,
                               double actionsPerMinute, Duration patrolEvery,
                               PeopleShares shares) {

    /**
     * @param uri          {@code coaps://host:port} (DTLS PSK) or {@code coap://host:port}
     * @param devicesFile  the edge node's device registry (docs/edge-node.md), for ids, PSK identities and keys
     */
    public record Edge(String uri, Path devicesFile) {
    }

    public static final String USAGE = """
            usage: simulator --edge URI=DEVICES.json [--edge ...] [options]
              --edge URI=FILE     an edge node (coaps://host:port over DTLS PSK, or coap://host:port) and its
                                  device registry file, whose sensors the simulator plays (repeatable)
              --rate R            sensor readings per second, all sensors together (default 4)
              --alarm-chance P    chance that a normal reading starts an alarm episode (default 0.02)
              --hold SECS         how long an alarm stays up before the sensor reads normal again (default 60)
              --duration SECS     stop after this long (default: run until stopped)
              --api URL=FILE      mobile-api (e.g. http://127.0.0.1:8080) and the accounts to act as (JSON:
                                  username, password, role, department, communityCode, gridCodes)
              --people-rate N     people's steps per minute: reports, filing, handling, checks, ratings (default 12)
              --return-share P    share of dispatched tasks a handler returns as not their department's; the
                                  operator re-dispatches what the case cycle cannot place (default 0.05)
              --extension-share P share of accepted tasks on which a handler asks for more time (default 0.1)
              --approve-share P   share of extension requests the operator approves; the rest are refused
                                  (default 0.8)
              --city DIR          the sample city's files, for where residents are (default: generate it)
              --city-grids N      size of the generated sample city (default 3000)
              --patrol-every SECS each field device in the registries posts a patrol report with a photo
                                  this often (default 60; 0 for never)
            """;

    public static SimulatorOptions parse(List<String> args) {
        List<Edge> edges = new ArrayList<>();
        double rate = 4;
        double chance = 0.02;
        Duration hold = Duration.ofSeconds(60);
        Duration duration = null;
        java.net.URI api = null;
        Path accounts = null;
        Path city = null;
        int grids = 3000;
        double people = 12;
        Duration patrol = Duration.ofSeconds(60);
        double returnShare = PeopleShares.DEFAULT.returnShare();
        double extensionShare = PeopleShares.DEFAULT.extensionShare();
        double approveShare = PeopleShares.DEFAULT.approveShare();
        Deque<String> rest = new ArrayDeque<>(args);
        while (!rest.isEmpty()) {
            String option = rest.removeFirst();
            switch (option) {
                case "--edge" -> edges.add(edge(value(option, rest)));
                case "--rate" -> rate = number(option, rest, 0.001, 100_000);
                case "--alarm-chance" -> chance = number(option, rest, 0, 1);
                case "--hold" -> hold = Duration.ofMillis((long) (number(option, rest, 0, 1e7) * 1000));
                case "--duration" -> duration = Duration.ofMillis((long) (number(option, rest, 0.001, 1e9) * 1000));
                case "--api" -> {
                    String text = value(option, rest);
                    int eq = text.indexOf('=');
                    if (eq < 0 || !text.startsWith("http")) {
                        throw new SimulatorException("--api wants http://host:port=accounts.json, not '" + text + "'");
                    }
                    api = java.net.URI.create(text.substring(0, eq));
                    accounts = Path.of(text.substring(eq + 1));
                }
                case "--patrol-every" -> {
                    double secs = number(option, rest, 0, 1e7);
                    patrol = secs == 0 ? null : Duration.ofMillis((long) (secs * 1000));
                }
                case "--people-rate" -> people = number(option, rest, 0.01, 60_000);
                case "--return-share" -> returnShare = number(option, rest, 0, 1);
                case "--extension-share" -> extensionShare = number(option, rest, 0, 1);
                case "--approve-share" -> approveShare = number(option, rest, 0, 1);
                case "--city" -> city = Path.of(value(option, rest));
                case "--city-grids" -> grids = (int) number(option, rest, 100, 50_000);
                default -> throw new SimulatorException("unknown option '" + option + "'\n" + USAGE);
            }
        }
        if (edges.isEmpty() && api == null) {
            throw new SimulatorException("nothing to drive: give --edge URI=FILE, --api URL=FILE or both\n" + USAGE);
        }
        return new SimulatorOptions(List.copyOf(edges), rate, chance, hold, duration, api, accounts, city, grids, people, patrol,
                new PeopleShares(returnShare, extensionShare, approveShare));
    }

    private static Edge edge(String text) {
        int eq = text.indexOf('=');
        if (eq < 0 || !(text.startsWith("coap://") || text.startsWith("coaps://"))) {
            throw new SimulatorException("--edge wants coaps://host:port=devices.json (or coap://...), not '" + text + "'");
        }
        return new Edge(text.substring(0, eq), Path.of(text.substring(eq + 1)));
    }

    private static String value(String option, Deque<String> rest) {
        if (rest.isEmpty()) {
            throw new SimulatorException(option + " needs a value\n" + USAGE);
        }
        return rest.removeFirst();
    }

    private static double number(String option, Deque<String> rest, double min, double max) {
        String text = value(option, rest);
        try {
            double n = Double.parseDouble(text);
            if (n < min || n > max) {
                throw new SimulatorException(option + " must be between " + min + " and " + max + ", not " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new SimulatorException(option + " wants a number, not '" + text + "'", e);
        }
    }
}
