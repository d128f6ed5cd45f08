package org.citygrid.demo.drills;

import java.time.Duration;

import org.citygrid.demo.DemoException;
import org.citygrid.demo.DemoRun;
import org.citygrid.demo.EdgeUplink;
import org.citygrid.demo.city.EdgeSite;

/**
 * What a {@link Fault} acts on: the running services, the loaded edge site, and the edge's own uplink to the
 * broker when the drill gave it one (edge-cutoff; null otherwise).
 */
record DrillRig(DemoRun.Running running, EdgeSite site, EdgeUplink edgeUplink, Duration startTimeout) {

    EdgeUplink uplink() {
        if (edgeUplink == null) {
            throw new DemoException("this drill started the edge node without an uplink of its own to cut");
        }
        return edgeUplink;
    }
}
