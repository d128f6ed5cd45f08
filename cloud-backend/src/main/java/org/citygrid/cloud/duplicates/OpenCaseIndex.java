package org.citygrid.cloud.duplicates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseChange;
import org.citygrid.model.cases.CaseEvent;

/**
 * The open cases of each community, keyed {@code <community>|<caseId>} so that one prefix scan
 * lists a community's candidates. Kept up to date from the case events themselves: a report adds
 * a case, a merged duplicate refreshes its time, a terminal state removes it.
 */
public final class OpenCaseIndex {

    public static final String STORE = "open-cases";

    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, OpenCase> store;

    public OpenCaseIndex(KeyValueStore<String, OpenCase> store) {
        this.store = store;
    }

    public List<OpenCase> inCommunity(String community) {
        List<OpenCase> open = new ArrayList<>();
        try (KeyValueIterator<String, OpenCase> it = store.prefixScan(community + "|", KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, OpenCase> next = it.next();
                open.add(next.value);
            }
        }
        return open;
    }

    public Optional<OpenCase> withEpisode(String community, String episodeId) {
        return inCommunity(community).stream().filter(c -> c.hasEpisode(episodeId)).findFirst();
    }

    public void addEpisode(String community, String caseId, OpenCase.Episode episode) {
        OpenCase entry = store.get(key(community, caseId));
        if (entry != null) {
            store.put(key(community, caseId), entry.withEpisode(episode));
        }
    }

    /** Follows one event of a case. */
    public void apply(CaseEvent event, Case after) {
        String key = key(after.gridCode().substring(0, 12), after.id());
        if (after.state().isTerminal()) {
            store.delete(key);
            return;
        }
        switch (event.change()) {
            case CaseChange.Reported r -> store.put(key, new OpenCase(after.id(), after.categoryCode(),
                    after.report().position(), r.details().observedAt(), List.of()));
            case CaseChange.DuplicateMerged m -> {
                OpenCase entry = store.get(key);
                if (entry != null) {
                    store.put(key, entry.reportedAgain(m.duplicate().observedAt()));
                }
            }
            default -> {
            }
        }
    }

    private static String key(String community, String caseId) {
        return community + "|" + caseId;
    }
}
