package org.citygrid.demo;

import org.citygrid.devstack.FreePorts;
import org.citygrid.devstack.net.CuttableLink;

/**
 * The edge nodes' own way to the broker, as a neighbourhood's uplink is in a city: a second broker listener
 * ({@value #LISTENER}) reached only through a {@link CuttableLink}. The broker advertises that listener at the
 * link's port, so an edge node's producer, bootstrapped through the link, stays behind it for every partition
 * leader; cloud-backend keeps the broker's ordinary listener. Cutting the link then cuts the edge off the cloud and
 * nothing else (docs/drills.md, edge-cutoff).
 *
 * @param listenerPort where the broker listens for {@value #LISTENER}, on 127.0.0.1
 * @param link         the link in front of it, on a port of its own
 */
public record EdgeUplink(int listenerPort, CuttableLink link) implements AutoCloseable {
    public static final String LISTENER = "EDGE";

    /** A link on a free port to a free port that the broker will listen on once started. */
    public static EdgeUplink open() {
        int listenerPort = FreePorts.pick();
        return new EdgeUplink(listenerPort, CuttableLink.to(listenerPort));
    }

    /** What the edge nodes get as their {@code bootstrapServers}: the link's address. */
    public String bootstrapServers() {
        return link.address();
    }

    @Override
    public void close() {
        link.close();
    }
}
