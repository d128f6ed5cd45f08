package org.citygrid.model.grid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One district's areas: district &gt; street &gt; community &gt; unit grid.
 *
 * <p>Streets and communities are those the grids declare; a street or community without grids
 * does not exist here. Everything is listed in code order. The hierarchy takes the grids as they
 * are: duplicate codes or codes that contradict their declared community are kept so that
 * {@link GridValidator} can report them; {@link #grid} then answers the first grid in code order.
 * Where two grids declare the same street or community code with different names, the first grid
 * in code order names it.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GridHierarchy {

    private final District district;
    private final List<UnitGrid> grids;
    private final Map<String, Street> streets;
    private final Map<String, Community> communities;
    private final List<Street> streetList;
    private final List<Community> communityList;
    private final Map<String, List<Community>> communitiesByStreet;
    private final Map<String, List<UnitGrid>> gridsByCommunity;
    private final Map<GridCode, UnitGrid> gridsByCode;

    private GridHierarchy(District district, List<UnitGrid> grids) {
        this.district = Objects.requireNonNull(district, "district");
        List<UnitGrid> sorted = new ArrayList<>(grids);
        sorted.sort(Comparator.comparing(UnitGrid::code));
        this.grids = List.copyOf(sorted);
        Map<String, Street> streets = new TreeMap<>();
        Map<String, Community> communities = new TreeMap<>();
        Map<String, List<UnitGrid>> byCommunity = new TreeMap<>();
        Map<GridCode, UnitGrid> byCode = new LinkedHashMap<>();
        for (UnitGrid grid : this.grids) {
            streets.putIfAbsent(grid.street().code(), grid.street());
            communities.putIfAbsent(grid.community().code(), grid.community());
            byCommunity.computeIfAbsent(grid.community().code(), c -> new ArrayList<>()).add(grid);
            byCode.putIfAbsent(grid.code(), grid);
        }
        Map<String, List<Community>> byStreet = new TreeMap<>();
        for (UnitGrid grid : this.grids) {
            List<Community> list = byStreet.computeIfAbsent(grid.street().code(), s -> new ArrayList<>());
            Community community = communities.get(grid.community().code());
            if (!list.contains(community)) {
                list.add(community);
            }
        }
        byStreet.values().forEach(list -> list.sort(Comparator.comparing(Community::code)));
        this.streets = Collections.unmodifiableMap(streets);
        this.communities = Collections.unmodifiableMap(communities);
        this.streetList = List.copyOf(streets.values());
        this.communityList = List.copyOf(communities.values());
        this.communitiesByStreet = copyOfLists(byStreet);
        this.gridsByCommunity = copyOfLists(byCommunity);
        this.gridsByCode = Collections.unmodifiableMap(byCode);
    }

    /** The hierarchy of a district's grids. */
    public static GridHierarchy of(District district, List<UnitGrid> grids) {
        return new GridHierarchy(district, grids);
    }

    public District district() {
        return district;
    }

    /** All grids in code order, duplicates included. */
    public List<UnitGrid> grids() {
        return grids;
    }

    /** The streets in code order. */
    public List<Street> streets() {
        return streetList;
    }

    /** All communities in code order. */
    public List<Community> communities() {
        return communityList;
    }

    /** The communities grids declare in a street, in code order; empty for an unknown street. */
    public List<Community> communitiesOf(String streetCode) {
        return communitiesByStreet.getOrDefault(streetCode, List.of());
    }

    /** The grids declaring a community, in code order; empty for an unknown community. */
    public List<UnitGrid> gridsOf(String communityCode) {
        return gridsByCommunity.getOrDefault(communityCode, List.of());
    }

    public Optional<Street> street(String code) {
        return Optional.ofNullable(streets.get(code));
    }

    public Optional<Community> community(String code) {
        return Optional.ofNullable(communities.get(code));
    }

    /** The grid with a code; the first in code order if the code is duplicated. */
    public Optional<UnitGrid> grid(GridCode code) {
        return Optional.ofNullable(gridsByCode.get(code));
    }

    private static <T> Map<String, List<T>> copyOfLists(Map<String, List<T>> map) {
        Map<String, List<T>> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return "GridHierarchy[" + district + ", " + streets.size() + " streets, " + communities.size()
                + " communities, " + grids.size() + " grids]";
    }
}
