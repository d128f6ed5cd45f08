package org.citygrid.cloud.archfixture.streams;

import org.apache.kafka.streams.processor.api.ProcessorContext;

/** Kafka Streams where it belongs. */
public class Adapter {
    ProcessorContext<String, String> context;
}
