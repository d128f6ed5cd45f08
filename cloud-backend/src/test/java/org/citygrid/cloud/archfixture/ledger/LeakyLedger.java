package org.citygrid.cloud.archfixture.ledger;

import org.apache.kafka.streams.state.KeyValueStore;
import org.citygrid.cloud.archfixture.notify.PushSender;

/** A ledger that reaches into a Kafka Streams store and knows a follow-up's implementation. */
public class LeakyLedger {
    KeyValueStore<String, String> cases;
    PushSender notifier;
}
