package org.citygrid.edge;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.citygrid.edge.config.EdgeConfig;

/**
 * Runs one edge node: {@code java org.citygrid.edge.EdgeNodeMain edge.json}. Prints one line
 * {@code edge-node ready node=<id> dtls=<port> plain=<port>} when it listens (plain is -1 when off),
 * so scripts and tests that start it with port 0 learn the ports. With metrics on, a line
 * {@code edge-node metrics url=http://<address>:<port>/metrics} comes just before it.
 */
public final class EdgeNodeMain {

    private EdgeNodeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: EdgeNodeMain <edge-config.json>");
            System.exit(2);
        }
        EdgeNode node = EdgeNode.start(EdgeConfig.load(Path.of(args[0])));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "edge-node-shutdown"));
        if (node.metricsPort() > 0) {
            System.out.println("edge-node metrics url=http://" + node.config().metrics().bindAddress() + ":"
                    + node.metricsPort() + "/metrics");
        }
        System.out.println("edge-node ready node=" + node.config().nodeId() + " dtls=" + node.dtlsPort()
                + " plain=" + node.plainPort());
        System.out.flush();
        stopped.await();
    }
}
