package org.citygrid.cloud.geocode

import org.citygrid.sample.SampleCityGenerator

import org.citygrid.model.geo.GeoPoint
import org.citygrid.model.grid.GridIndex
import spock.lang.Shared
import spock.lang.Specification

/** The production locator on the generated Dongcheng sample city. */
class IndexedGridLocatorSpec extends Specification {

    @Shared
    def grids = new SampleCityGenerator(1).generate().grids()

    @Shared
    def locator = new IndexedGridLocator(GridIndex.of(grids.grids()))

    def "a point inside a unit grid is placed in that grid"() {
        given:
        def grid = grids.grids()[42]
        def inside = grid.geometry().getInteriorPoint()

        expect:
        locator.place(new GeoPoint(inside.x, inside.y)) == new GridLocator.InGrid(grid.code().value())
    }

    def "a point kilometres from the district is outside, with its distance"() {
        when:
        def placement = locator.place(new GeoPoint(116.9, 40.5))

        then:
        placement instanceof GridLocator.Outside
        ((GridLocator.Outside) placement).nearestMetres() > 10_000
    }
}
