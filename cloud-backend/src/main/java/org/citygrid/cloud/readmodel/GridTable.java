package org.citygrid.cloud.readmodel;

import java.sql.SQLException;
import java.util.List;
import org.citygrid.model.grid.GridHierarchy;
import org.citygrid.model.grid.UnitGrid;
import org.locationtech.jts.io.WKTWriter;

/** Fills {@code grid.grids} from the grid hierarchy the geocoder uses. */
public final class GridTable {

    private GridTable() {
    }

    public static void load(ReadModelDatabase database, GridHierarchy grids) throws SQLException {
        WKTWriter wkt = new WKTWriter();
        List<GridRows.Row> rows = grids.grids().stream().map(g -> row(g, wkt)).toList();
        GridRows.upsert(database, rows);
    }

    private static GridRows.Row row(UnitGrid g, WKTWriter wkt) {
        return new GridRows.Row(g.code().value(), g.name().zh(), g.name().english().orElse(null),
                g.street().name().zh(), g.street().name().english().orElse(null),
                g.community().name().zh(), g.community().name().english().orElse(null), wkt.write(g.geometry()));
    }
}
