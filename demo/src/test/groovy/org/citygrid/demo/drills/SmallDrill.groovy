package org.citygrid.demo.drills

import java.nio.file.Files
import java.time.Duration
import org.citygrid.demo.Console
import org.citygrid.demo.testing.DemoProcess

/**
 * The live drill specs' common size: 8 sensors, 10 readings per second for 20 s, the fault at 8 s, so that each
 * drill stays near a minute in the test suite (streams-kill longer: the restarted case cycle waits out the dead
 * member's 45 s session). It runs on the services' builds, like DemoLiveSpec.
 */
final class SmallDrill {
    final DrillOptions options
    final ByteArrayOutputStream console = new ByteArrayOutputStream()

    SmallDrill(Fault fault, Duration down = Duration.ZERO) {
        this(fault, down, Duration.ofSeconds(20))
    }

    private SmallDrill(Fault fault, Duration down, Duration load) {
        options = new DrillOptions(fault, DemoProcess.ROOT,
                DemoProcess.ROOT.resolve('demo/target/demo-specs/' + fault.drillName()),
                8, 10, load, Duration.ofSeconds(8), down, 0.1, Duration.ofSeconds(2),
                // the drain is a longest wait, spent only when needed: streams-kill's restarted case cycle alone waits
                // out the dead member's 45 s session before it takes the partitions, and CI machines are slower
                Duration.ofSeconds(180), Duration.ofSeconds(180))
    }

    /**
     * A drill whose load runs on through the whole fault (edge-cutoff: the node must go on acknowledging while
     * cut off): the fault at 8 s, then 8 s of load after it is over.
     */
    static SmallDrill throughout(Fault fault, Duration down) {
        new SmallDrill(fault, down, Duration.ofSeconds(8).plus(down).plusSeconds(8))
    }

    DrillCount run() {
        new FaultDrill(options, new Console(new PrintStream(console, true))).run()
    }

    String output() {
        console.toString()
    }

    String log(String name) {
        Files.readString(options.dataDir().resolve(name))
    }
}
