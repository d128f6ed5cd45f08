package org.citygrid.cloud.duplicates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.citygrid.cloud.ledger.CaseTracker;
import org.citygrid.cloud.store.KeyValueTable;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseChange;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.geo.GeoPoint;

/**
 * The open cases of each community, in square cells at least as wide as the merge distance, so a
 * new report is compared with the cases in its own and the eight neighbouring cells only, however
 * many cases the community has open. Keys:
 * <ul>
 *   <li>{@code <community>|i|<caseId>} &rarr; the case's {@link OpenCase};</li>
 *   <li>{@code <community>|c|<x>:<y>|<caseId>} &rarr; the same, by cell;</li>
 *   <li>{@code <community>|e|<episodeId>} &rarr; the same, for alarm clears, which name their
 *       episode rather than a place.</li>
 * </ul>
 * Kept up to date from the case events: a report adds a case, a merged duplicate refreshes its
 * time, a terminal state removes it.
 */
public final class OpenCaseIndex implements CaseTracker {

    public static final String STORE = "open-cases";

    private static final double METRES_PER_DEGREE = 111_320;

    private final KeyValueTable<OpenCase> store;
    private final double cellMetres;

    /** @param cellMetres the cell width: the duplicate distance (at least a metre) */
    public OpenCaseIndex(KeyValueTable<OpenCase> store, double cellMetres) {
        this.store = store;
        this.cellMetres = Math.max(1, cellMetres);
    }

    /** Open cases of the community within one cell of {@code position}: the candidates to match. */
    public List<OpenCase> near(String community, GeoPoint position) {
        long x = cellX(position);
        long y = cellY(position);
        List<OpenCase> open = new ArrayList<>();
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                store.withPrefix(cellPrefix(community, x + dx, y + dy)).stream().map(Map.Entry::getValue).forEach(open::add);
            }
        }
        return open;
    }

    public Optional<OpenCase> withEpisode(String community, String episodeId) {
        return Optional.ofNullable(store.get(episodeKey(community, episodeId)));
    }

    public void addEpisode(String community, String caseId, OpenCase.Episode episode) {
        OpenCase current = store.get(idKey(community, caseId));
        if (current != null) {
            put(community, current.withEpisode(episode));
        }
    }

    /** Follows one event of a case. */
    @Override
    public void follow(Case before, CaseEvent event, Case after) {
        String community = after.gridCode().substring(0, 12);
        OpenCase current = store.get(idKey(community, after.id()));
        if (after.state().isTerminal()) {
            if (current != null) {
                remove(community, current);
            }
            return;
        }
        switch (event.change()) {
            case CaseChange.Reported r -> put(community, new OpenCase(after.id(), after.categoryCode(),
                    after.report().position(), r.details().observedAt(), List.of()));
            case CaseChange.DuplicateMerged m -> {
                if (current != null) {
                    put(community, current.reportedAgain(m.duplicate().observedAt()));
                }
            }
            default -> {
            }
        }
    }

    /** The same entry under its id, its cell and each of its episodes. */
    private void put(String community, OpenCase c) {
        store.put(idKey(community, c.caseId()), c);
        store.put(caseKey(community, c), c);
        for (OpenCase.Episode e : c.episodes()) {
            store.put(episodeKey(community, e.episodeId()), c);
        }
    }

    private void remove(String community, OpenCase c) {
        store.delete(idKey(community, c.caseId()));
        store.delete(caseKey(community, c));
        for (OpenCase.Episode e : c.episodes()) {
            store.delete(episodeKey(community, e.episodeId()));
        }
    }

    private String caseKey(String community, OpenCase c) {
        return cellPrefix(community, cellX(c.position()), cellY(c.position())) + c.caseId();
    }

    private static String idKey(String community, String caseId) {
        return community + "|i|" + caseId;
    }

    private static String episodeKey(String community, String episodeId) {
        return community + "|e|" + episodeId;
    }

    private static String cellPrefix(String community, long x, long y) {
        return community + "|c|" + x + ":" + y + "|";
    }

    private long cellX(GeoPoint p) {
        return (long) Math.floor(p.lon() * METRES_PER_DEGREE * Math.cos(Math.toRadians(p.lat())) / cellMetres);
    }

    private long cellY(GeoPoint p) {
        return (long) Math.floor(p.lat() * METRES_PER_DEGREE / cellMetres);
    }
}
