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
        options = new DrillOptions(fault, DemoProcess.ROOT,
                DemoProcess.ROOT.resolve('demo/target/demo-specs/' + fault.drillName()),
                8, 10, Duration.ofSeconds(20), Duration.ofSeconds(8), down, 0.1, Duration.ofSeconds(2),
                Duration.ofSeconds(90), Duration.ofSeconds(180))
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
