package org.citygrid.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.citygrid.demo.DemoException;
import org.citygrid.demo.city.DemoDevice;
import org.citygrid.demo.city.EdgeSites;
import org.citygrid.model.grid.Street;
import org.citygrid.sample.SampleCity;
import org.citygrid.sample.Sensor;

/**
 * The edge node's device registry for a row of the scaling part: {@code count} sensors of the sample city, the
 * node's own street's first and then the rest of the city's, each street's taken round-robin by type so that every
 * row has the same mix of alarms. A street of the 3,000-grid city has about 200 sensors; a bigger registry takes
 * sensors of other streets and files them under the node's neighbourhood (the node checks a patrol report's
 * position against its neighbourhood, not a sensor's), so the cloud still sees each raise at the sensor's real
 * place. Written before the demo starts, which then keeps it.
 */
final class ScaleDevices {
    private ScaleDevices() {
    }

    /** Writes {@code devices.json} into {@code edgeDir} for the node of the city's first street with sensors. */
    static void write(SampleCity city, Path edgeDir, int count) {
        Map<String, List<Sensor>> byStreet = new LinkedHashMap<>();
        city.sensors().forEach(s -> byStreet.computeIfAbsent(s.gridCode().streetCode(), k -> new ArrayList<>()).add(s));
        // the street EdgeSites gives the first node: the first in the hierarchy's order that has sensors
        Street home = city.grids().streets().stream().filter(s -> byStreet.containsKey(s.code())).findFirst()
                .orElseThrow(() -> new DemoException("the sample city has no sensors"));
        List<Sensor> ordered = new ArrayList<>(EdgeSites.byTypeRoundRobin(byStreet.get(home.code())));
        for (Street street : city.grids().streets()) {
            if (!street.code().equals(home.code()) && byStreet.containsKey(street.code())) {
                ordered.addAll(EdgeSites.byTypeRoundRobin(byStreet.get(street.code())));
            }
        }
        if (ordered.size() < count) {
            throw new DemoException("the sample city has " + ordered.size() + " sensors, fewer than --devices " + count
                    + ": give it more grids or fewer devices");
        }
        SecureRandom random = new SecureRandom();
        List<DemoDevice> devices = new ArrayList<>();
        for (Sensor s : ordered.subList(0, count)) {
            devices.add(new DemoDevice(s.id(), s.id(), EdgeSites.newKey(random), s.type().id(), s.position(),
                    home.code(), false));
        }
        try {
            Files.createDirectories(edgeDir);
            new ObjectMapper().writeValue(edgeDir.resolve("devices.json").toFile(), devices);
        } catch (IOException e) {
            throw new DemoException("cannot write the benchmark's device registry into " + edgeDir + ": "
                    + e.getMessage(), e);
        }
    }

}
