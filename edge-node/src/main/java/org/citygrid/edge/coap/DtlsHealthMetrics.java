package org.citygrid.edge.coap;

import org.citygrid.edge.metrics.EdgeMetrics;
import org.eclipse.californium.scandium.DtlsHealth;
import org.eclipse.californium.scandium.DtlsHealthExtended;

/**
 * Scandium's health callbacks turned into the node's metrics: handshakes as they end, and the
 * number of sessions, which Scandium reports when asked ({@code DTLSConnector.updateHealth()}).
 */
final class DtlsHealthMetrics implements DtlsHealth, DtlsHealthExtended {

    private final EdgeMetrics metrics;
    private volatile int connections;

    DtlsHealthMetrics(EdgeMetrics metrics) {
        this.metrics = metrics;
    }

    /** Sessions as of the last {@code updateHealth()}. */
    int connections() {
        return connections;
    }

    @Override
    public void setConnections(int count) {
        connections = count;
    }

    @Override
    public void startHandshake() {
    }

    @Override
    public void endHandshake(boolean success) {
        metrics.handshake(success);
    }

    /** Nothing to log: the figures are served as metrics. */
    @Override
    public void dump(String tag, int maxConnections, int remainingCapacity, int pendingWithoutVerify) {
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public void receivingRecord(boolean dropped) {
    }

    @Override
    public void sendingRecord(boolean dropped) {
    }
}
