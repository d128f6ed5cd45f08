package org.citygrid.api.ogcapi

import org.citygrid.api.map.Bbox
import org.citygrid.api.map.MapLayer

/** The queries of an /items first page, issued straight through the store: MapBench's JDBC baseline. */
class BenchQueries {

    /** What the first page of /items?bbox=&limit= asks the database: the page and numberMatched. */
    static int firstPage(FeatureStore store, MapLayer layer, List<Double> box, int limit) {
        def bbox = new Bbox(box[0], box[1], box[2], box[3])
        def page = store.page(layer, bbox, null, null, limit)
        store.count(layer, bbox, null)
        page.features().sum(0) { it.length() } as int
    }
}
