package org.citygrid.api.places.persistence;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.citygrid.api.persistence.Jdbc;
import org.citygrid.api.places.Area;
import org.citygrid.api.places.Place;
import org.citygrid.api.places.PlaceDirectory;
import org.citygrid.contracts.readmodel.GridsTable;

/** {@link PlaceDirectory} over grid.grids (docs/read-model.md). */
@Singleton
final class JdbcPlaceDirectory implements PlaceDirectory {

    private static final String GRIDS = GridsTable.NAME;

    private final Jdbc jdbc;

    JdbcPlaceDirectory(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Map<String, Place> ofGrids(Collection<String> gridCodes) {
        if (gridCodes.isEmpty()) {
            return Map.of();
        }
        Map<String, Place> out = new LinkedHashMap<>();
        jdbc.list("cannot read grid names", """
                        SELECT code, name_zh, name_en, community_code, community_name_zh, community_name_en,
                               street_code, street_name_zh, street_name_en
                        FROM %s WHERE code = ANY (?)""".formatted(GRIDS),
                rs -> new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)),
                List.copyOf(gridCodes)).forEach(p -> out.put(p.gridCode(), p));
        return out;
    }

    @Override
    public List<Area> streets() {
        return areas("street");
    }

    @Override
    public List<Area> communities() {
        return areas("community");
    }

    private List<Area> areas(String level) {
        return jdbc.list("cannot read " + level + " names",
                "SELECT %1$s_code, min(%1$s_name_zh), min(%1$s_name_en) FROM %2$s GROUP BY %1$s_code ORDER BY %1$s_code"
                        .formatted(level, GRIDS),
                rs -> new Area(rs.getString(1), rs.getString(2), rs.getString(3)));
    }
}
