package org.citygrid.api.map

import spock.lang.Specification

/**
 * The one list of columns that leave the server: what OGC API Features, the vector tiles and the
 * console each show of a layer (FeaturesSpec, TilesSpec and MapLayersSpec read them from PostGIS).
 */
class MapLayerSpec extends Specification {

    def "the #layer layer shows #view: #names"() {
        expect:
        layer.columns(view)*.name() == names

        where:
        layer            | view                   || names
        MapLayer.GRIDS   | MapLayer.View.FEATURES || ['county_code', 'street_code', 'community_code', 'name_zh', 'name_en', 'street_name_zh', 'street_name_en', 'community_name_zh', 'community_name_en', 'area_m2']
        MapLayer.GRIDS   | MapLayer.View.TILES    || ['code', 'street_code', 'community_code', 'name_zh', 'name_en', 'street_name_zh', 'street_name_en', 'community_name_zh', 'community_name_en']
        MapLayer.GRIDS   | MapLayer.View.CONSOLE  || ['code', 'street_code', 'community_code', 'name_zh', 'name_en', 'street_name_zh', 'street_name_en', 'community_name_zh', 'community_name_en']
        MapLayer.CASES   | MapLayer.View.FEATURES || ['state', 'terminal', 'category_code', 'grid_code', 'community_code', 'street_code', 'channel', 'description', 'department', 'active_stage', 'deadline', 'overdue', 'escalation_level', 'reported_at', 'updated_at', 'closed_at']
        MapLayer.CASES   | MapLayer.View.TILES    || ['case_id', 'state', 'terminal', 'category_code', 'grid_code', 'community_code', 'street_code', 'department', 'active_stage', 'overdue', 'escalation_level', 'reported_at']
        MapLayer.CASES   | MapLayer.View.CONSOLE  || ['case_id', 'version', 'state', 'category_code', 'grid_code', 'channel', 'department', 'deadline', 'reported_at']
        MapLayer.SENSORS | MapLayer.View.FEATURES || ['sensor_type', 'grid_code', 'alarm_state', 'episode_id', 'quantity', 'last_value', 'unit', 'threshold', 'observed_at', 'case_id', 'updated_at']
        MapLayer.SENSORS | MapLayer.View.TILES    || ['device_id', 'sensor_type', 'grid_code', 'alarm_state', 'quantity', 'last_value', 'unit', 'threshold', 'case_id']
        MapLayer.SENSORS | MapLayer.View.CONSOLE  || ['device_id', 'sensor_type', 'grid_code', 'alarm_state', 'quantity', 'last_value', 'unit', 'threshold', 'observed_at', 'case_id']
    }

    def "no view shows who reported a case, its followers or the raw snapshot"() {
        expect:
        MapLayer.values().every { layer ->
            MapLayer.View.values().every { view ->
                layer.columns(view).every { !(it.expression() =~ /reporter|followers|snapshot|anonymous/) }
            }
        }
    }

    def "OGC API and tiles write times in UTC to the second; the console names properties in camel case"() {
        expect:
        MapLayer.SENSORS.jsonProperties().contains("""'observed_at', to_char(observed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')""")
        MapLayer.CASES.tileColumns().endsWith("""to_char(reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS reported_at""")
        MapLayer.CASES.tileColumns().contains('cardinality(overdue) > 0 AS overdue')
        MapLayer.GRIDS.consoleProperties('g.') == "'code', g.code, 'streetCode', g.street_code, 'communityCode', g.community_code, " +
                "'nameZh', g.name_zh, 'nameEn', g.name_en, 'streetNameZh', g.street_name_zh, 'streetNameEn', g.street_name_en, " +
                "'communityNameZh', g.community_name_zh, 'communityNameEn', g.community_name_en"
    }
}
