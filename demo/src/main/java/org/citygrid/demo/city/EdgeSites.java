package org.citygrid.demo.city;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.demo.DemoException;
import org.citygrid.demo.data.DataFolder;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.grid.Street;
import org.citygrid.model.grid.UnitGrid;
import org.citygrid.sample.SampleCity;
import org.citygrid.sample.Sensor;
import org.locationtech.jts.geom.Envelope;

/**
 * Lays out the demo's edge nodes, one per street of the sample city, and writes each node's files in the
 * formats docs/edge-node.md documents: {@code devices.json} (made once, with a random key per device, and kept:
 * the keys are the devices' identity), {@code rules.json} (thresholds that make alarms come within seconds) and
 * {@code edge.json} (rewritten on every run, because the ports and the broker's address may change).
 */
public final class EdgeSites {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final double METRES_PER_DEGREE = 111_320;
    /** Patrol reports may be placed a little beyond the street's outermost grid corner. */
    private static final double RADIUS_MARGIN_METRES = 200;

    private final SampleCity city;
    private final DataFolder data;
    private final SecureRandom random = new SecureRandom();

    public EdgeSites(SampleCity city, DataFolder data) {
        this.city = city;
        this.data = data;
    }

    /**
     * The first {@code count} streets with sensors, each with up to {@code sensorsPerEdge} of its sensors (a
     * mix of every sensor type) and one patrol field device. A registry written by an earlier run is kept as
     * it is.
     */
    public List<EdgeSite> prepare(int count, int sensorsPerEdge) {
        Map<String, List<Sensor>> sensorsByStreet = city.sensors().stream()
                .collect(Collectors.groupingBy(s -> s.gridCode().streetCode(), LinkedHashMap::new, Collectors.toList()));
        List<Street> streets = city.grids().streets().stream()
                .filter(s -> sensorsByStreet.containsKey(s.code()))
                .limit(count)
                .toList();
        if (streets.size() < count) {
            throw new DemoException("the sample city has only " + streets.size() + " streets with sensors, the demo"
                    + " needs " + count + ": its city files in " + data.city() + " look damaged; start with --fresh");
        }
        List<EdgeSite> sites = new ArrayList<>();
        for (int i = 0; i < streets.size(); i++) {
            Street street = streets.get(i);
            sites.add(site(i + 1, street, sensorsByStreet.get(street.code()), sensorsPerEdge));
        }
        return sites;
    }

    /** Writes the node's edge.json for this run's ports and broker. */
    public static void writeConfig(EdgeSite site, int plainPort, int dtlsPort, String bootstrapServers) {
        ObjectNode config = JSON.createObjectNode();
        config.put("nodeId", site.nodeId());
        ObjectNode neighbourhood = config.putObject("neighbourhood");
        neighbourhood.put("id", site.streetCode());
        neighbourhood.putObject("centre").put("lon", site.centre().lon()).put("lat", site.centre().lat());
        neighbourhood.put("radiusMetres", Math.ceil(site.radiusMetres()));
        ObjectNode coap = config.putObject("coap");
        coap.put("bindAddress", "0.0.0.0");
        coap.put("dtlsPort", dtlsPort);
        // Plain CoAP too, so that someone trying the demo can post with coap-client without keys. It is the
        // edge node's development mode: over it a device is whoever it claims to be.
        coap.put("plainEnabled", true);
        coap.put("plainPort", plainPort);
        config.put("devicesFile", "devices.json");
        config.put("rulesFile", "rules.json");
        config.put("dataDir", "data");
        ObjectNode kafka = config.putObject("kafka");
        kafka.put("bootstrapServers", bootstrapServers);
        kafka.put("topic", TopicCatalogue.INTAKE.name());
        write(site.configFile(), config);
    }

    private EdgeSite site(int index, Street street, List<Sensor> streetSensors, int sensorsPerEdge) {
        Envelope extent = new Envelope();
        for (UnitGrid grid : city.grids().grids()) {
            if (grid.street().code().equals(street.code())) {
                extent.expandToInclude(grid.geometry().getEnvelopeInternal());
            }
        }
        GeoPoint centre = new GeoPoint(round(extent.centre().x), round(extent.centre().y));
        double radius = metres(centre, extent.getMinX(), extent.getMinY())
                + RADIUS_MARGIN_METRES;
        radius = Math.max(radius, metres(centre, extent.getMaxX(), extent.getMaxY()) + RADIUS_MARGIN_METRES);
        String nodeId = "edge-" + street.code();
        Path dir = data.edge(index);
        List<DemoDevice> devices = Files.isRegularFile(dir.resolve("devices.json"))
                ? readDevices(dir.resolve("devices.json"))
                : newDevices(street.code(), nodeId, streetSensors, sensorsPerEdge);
        EdgeSite site = new EdgeSite(index, nodeId, street.code(), street.name().toString(), centre, radius, dir, devices);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DemoException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(site.devicesFile())) {
            write(site.devicesFile(), devices);
        }
        if (!Files.isRegularFile(site.rulesFile())) {
            write(site.rulesFile(), DemoRules.all());
        }
        return site;
    }

    /** Sensors taken round-robin by type, so that each street shows every kind of alarm. */
    private List<DemoDevice> newDevices(String streetCode, String nodeId, List<Sensor> sensors, int limit) {
        List<DemoDevice> devices = new ArrayList<>();
        for (Sensor s : byTypeRoundRobin(sensors).stream().limit(limit).toList()) {
            devices.add(new DemoDevice(s.id(), s.id(), newKey(random), s.type().id(), s.position(), streetCode, false));
        }
        String field = "fd-" + nodeId;
        devices.add(new DemoDevice(field, field, newKey(random), null, null, streetCode, false));
        return devices;
    }

    /**
     * All of {@code sensors}, one of each type in turn (types in name order, each type's sensors in id order): any
     * first n of them are a mix of every kind of alarm.
     */
    public static List<Sensor> byTypeRoundRobin(List<Sensor> sensors) {
        Map<String, List<Sensor>> byType = sensors.stream()
                .sorted(Comparator.comparing(Sensor::id))
                .collect(Collectors.groupingBy(s -> s.type().id(), java.util.TreeMap::new, Collectors.toList()));
        List<Sensor> out = new ArrayList<>();
        for (int round = 0; out.size() < sensors.size(); round++) {
            for (List<Sensor> ofType : byType.values()) {
                if (round < ofType.size()) {
                    out.add(ofType.get(round));
                }
            }
        }
        return out;
    }

    /** A device's PSK: 16 random bytes as hex text (docs/edge-node.md). */
    public static String newKey(SecureRandom random) {
        byte[] key = new byte[16];
        random.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    public static List<DemoDevice> readDevices(Path file) {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<DemoDevice>>() { });
        } catch (IOException e) {
            throw new DemoException("cannot read the device registry " + file + " (" + e.getMessage()
                    + "): fix or delete it (the demo then registers new devices with new keys)", e);
        }
    }

    private static void write(Path file, Object value) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), value);
            // renamed into place: the edge node re-reads its registry and rules while it runs
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DemoException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static double metres(GeoPoint from, double lon, double lat) {
        double dx = (lon - from.lon()) * METRES_PER_DEGREE * Math.cos(Math.toRadians(from.lat()));
        double dy = (lat - from.lat()) * METRES_PER_DEGREE;
        return Math.hypot(dx, dy);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
