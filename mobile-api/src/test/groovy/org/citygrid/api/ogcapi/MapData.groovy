package org.citygrid.api.ogcapi

import java.sql.Connection
import java.sql.Timestamp
import java.time.Instant
import org.citygrid.api.testkit.ReadModelSchema
import org.citygrid.api.testkit.TestStack
import org.citygrid.devstack.Devstack

/**
 * A database of its own for the map specs (the other specs add cases to the shared one as they run,
 * and the map specs count features), filled with a small, known city block: three unit grids side by
 * side, five cases in them reported on five days, two sensors.
 *
 * <pre>
 *   39.91 +-----------+-----------+-----------+
 *         | G1 c1  c2 | G2 c3  c4 | G3 c5     |   grids 0.01° wide, from lon 116.40
 *   39.90 +-----------+-----------+-----------+
 *       116.40      116.41      116.42      116.43
 * </pre>
 */
@Singleton(lazy = true, strict = false)
class MapData {

    static final String DATABASE = 'mobile_api_map'
    static final List<String> GRIDS = ['110101001001001', '110101001001002', '110101001001003']
    /** case id -> [lon, lat, reported_at, state] */
    static final Map<String, List> CASES = [
            '110101001001001-260301-00000001': [116.402d, 39.902d, '2026-03-01T02:00:00Z', 'REPORTED'],
            '110101001001001-260302-00000002': [116.408d, 39.908d, '2026-03-02T02:00:00Z', 'DISPATCHED'],
            '110101001001002-260303-00000003': [116.412d, 39.902d, '2026-03-03T02:00:00Z', 'IN_PROGRESS'],
            '110101001001002-260304-00000004': [116.418d, 39.908d, '2026-03-04T02:00:00Z', 'CLOSED'],
            '110101001001003-260305-00000005': [116.425d, 39.905d, '2026-03-05T02:00:00Z', 'REPORTED'],
    ]
    static final Map<String, List> SENSORS = [
            'tilt-0001': [116.403d, 39.903d, 'RAISED'],
            'tilt-0002': [116.423d, 39.907d, 'CLEARED'],
    ]

    final String jdbcUrl

    private MapData() {
        jdbcUrl = Devstack.sharedPostgis().createDatabase(DATABASE)
        ReadModelSchema.create(jdbcUrl)
        withConnection { Connection c ->
            GRIDS.eachWithIndex { String code, int i -> insertGrid(c, code, 116.40d + i * 0.01d, 39.90d, 0.01d) }
            CASES.each { id, v -> insertCase(c, id, v[0] as double, v[1] as double, Instant.parse(v[2] as String), v[3] as String) }
            SENSORS.each { id, v -> insertSensor(c, id, v[0] as double, v[1] as double, v[2] as String) }
        }
    }

    /** The API's properties pointed at this database. */
    Map<String, String> properties() {
        // a random port: application.yml fixes 8080, which another checkout's tests may hold
        TestStack.instance.properties() + ['datasources.default.url': jdbcUrl, 'micronaut.server.port': '-1']
    }

    def <T> T withConnection(Closure<T> work) {
        TestStack.withConnection(jdbcUrl, work)
    }

    static void insertGrid(Connection c, String code, double lon, double lat, double size) {
        def s = c.prepareStatement('''
            INSERT INTO grid.grids (code, county_code, street_code, community_code, name_zh, name_en, street_name_zh,
              street_name_en, community_name_zh, community_name_en, area_m2, geom, loaded_at)
            VALUES (?, ?, ?, ?, ?, ?, '东华门街道', 'Donghuamen', '多福巷社区', 'Duofuxiang', 0,
              ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326)), now())''')
        [code, code.substring(0, 6), code.substring(0, 9), code.substring(0, 12), "网格${code[-3..-1]}".toString(),
         "Grid ${code[-3..-1]}".toString(), lon, lat, lon + size, lat + size].eachWithIndex { v, i -> s.setObject(i + 1, v) }
        s.executeUpdate()
    }

    static void insertCase(Connection c, String id, double lon, double lat, Instant reportedAt, String state) {
        def s = c.prepareStatement('''
            INSERT INTO grid.cases (case_id, version, state, terminal, category_code, grid_code, community_code,
              street_code, county_code, position, channel, description, reporter_id, anonymous, deadlines, overdue,
              late_stages, escalation_level, rework_count, return_count, duplicates, followers, cleared_episodes,
              reported_at, updated_at, evidence, snapshot, projected_at)
            VALUES (?, 1, ?, ?, 'C0101', ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), 'RESIDENT', 'loose cover',
              'resident-secret', false, '{}', '{}', '{}', 0, 0, 0, 0, '{resident-secret}', '{}', ?, ?, '[]', '{}', now())''')
        def grid = id.substring(0, 15)
        [id, state, state in ['CLOSED', 'DISMISSED', 'VOIDED'], grid, grid.substring(0, 12), grid.substring(0, 9),
         grid.substring(0, 6), lon, lat, Timestamp.from(reportedAt), Timestamp.from(reportedAt.plusSeconds(60))]
                .eachWithIndex { v, i -> s.setObject(i + 1, v) }
        s.executeUpdate()
    }

    static void insertSensor(Connection c, String id, double lon, double lat, String alarm) {
        def s = c.prepareStatement('''
            INSERT INTO grid.sensors (device_id, sensor_type, position, alarm_state, episode_id, quantity, last_value,
              unit, threshold, observed_at, intake_id, updated_at)
            VALUES (?, 'manhole-tilt', ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, 'ep-1', 'tilt', 12.5, 'deg', 10,
              '2026-03-02T03:00:00Z', 'intake-1', now())''')
        [id, lon, lat, alarm].eachWithIndex { v, i -> s.setObject(i + 1, v) }
        s.executeUpdate()
    }

    /** The XYZ tile holding a lon/lat at zoom z (Web Mercator, y from the north). */
    static List<Integer> tileOf(double lon, double lat, int z) {
        int n = 1 << z
        int x = Math.floor((lon + 180d) / 360d * n) as int
        double r = Math.toRadians(lat)
        int y = Math.floor((1d - Math.log(Math.tan(r) + 1d / Math.cos(r)) / Math.PI) / 2d * n) as int
        [z, x, y]
    }
}
