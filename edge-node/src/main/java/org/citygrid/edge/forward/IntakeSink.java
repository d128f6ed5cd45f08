package org.citygrid.edge.forward;

import java.util.concurrent.CompletableFuture;

/** Where forwarded records go: Kafka in production, anything that acknowledges in specs. */
public interface IntakeSink extends AutoCloseable {

    /** Sends one record; the future completes when the receiver has it durably, or fails. */
    CompletableFuture<Void> send(String key, byte[] value);

    @Override
    void close();
}
