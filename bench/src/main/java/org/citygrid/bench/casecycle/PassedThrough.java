package org.citygrid.bench.casecycle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The pass-through's outcomes: a report is through when its copy, under the same key, is committed downstream. */
final class PassedThrough implements Outcomes {
    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    private final TopicTail tail;

    PassedThrough(String bootstrapServers, String outTopic) {
        tail = new TopicTail(bootstrapServers, outTopic, (r, now) -> seenAt.putIfAbsent(r.key(), now));
    }

    @Override
    public Long settledAt(String intakeId) {
        return seenAt.get(intakeId);
    }

    @Override
    public boolean merged(String intakeId) {
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        tail.close();
    }
}
