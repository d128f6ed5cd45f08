package org.citygrid.cloud.readmodel

import org.citygrid.sample.SampleCityGenerator

import org.citygrid.cloud.geocode.IndexedGridLocator
import org.citygrid.cloud.testkit.LiveCaseCycle
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** grid.grids holds the same grids the geocoder uses: the generated Dongcheng sample city here. */
class GridTableSpec extends Specification {

    @Shared @AutoCleanup
    LiveCaseCycle live = new LiveCaseCycle('grid_table')

    @Shared
    def grids = new SampleCityGenerator(1).generate().grids()

    def setupSpec() {
        live.database.migrate()
    }

    def "every unit grid of the city is in grid.grids, once, however often it is loaded"() {
        when:
        GridTable.load(live.database, grids)
        GridTable.load(live.database, grids)

        then:
        live.sql { it.firstRow('SELECT count(*) AS n FROM grid.grids').n } == grids.grids().size()
    }

    def "PostGIS finds the same grid for a point as the geocoder"() {
        given:
        GridTable.load(live.database, grids)
        def grid = grids.grids()[100]
        def inside = grid.geometry().getInteriorPoint()

        expect:
        live.sql {
            it.firstRow('SELECT code FROM grid.grids WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))',
                    [inside.x, inside.y]).code
        } == grid.code().value()
    }
}
