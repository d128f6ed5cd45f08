package org.citygrid.contracts.readmodel;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.citygrid.model.geo.GeoPoint;

/**
 * A column type of the read model with the Java type it carries: how a value is written into a
 * statement (its placeholder and binding, null included) and read back from a result. Geometries are
 * WGS 84 (SRID 4326): a point travels as a {@link GeoPoint}, a multipolygon as WKT.
 *
 * @param <T> the Java type
 */
public final class SqlType<T> {

    private static final String PLAIN = "%s";

    public static final SqlType<String> TEXT = plain("text", Types.VARCHAR,
            PreparedStatement::setString, ResultSet::getString);
    public static final SqlType<Boolean> BOOLEAN = plain("bool", Types.BOOLEAN,
            PreparedStatement::setBoolean, (rs, c) -> orNull(rs, rs.getBoolean(c)));
    public static final SqlType<Integer> INTEGER = plain("int4", Types.INTEGER,
            PreparedStatement::setInt, (rs, c) -> orNull(rs, rs.getInt(c)));
    public static final SqlType<Long> BIGINT = plain("int8", Types.BIGINT,
            PreparedStatement::setLong, (rs, c) -> orNull(rs, rs.getLong(c)));
    public static final SqlType<Double> DOUBLE = plain("float8", Types.DOUBLE,
            PreparedStatement::setDouble, (rs, c) -> orNull(rs, rs.getDouble(c)));
    /** An instant, written as UTC whatever the session's time zone. */
    public static final SqlType<Instant> TIMESTAMPTZ = plain("timestamptz", Types.TIMESTAMP_WITH_TIMEZONE,
            (st, i, v) -> st.setObject(i, OffsetDateTime.ofInstant(v, ZoneOffset.UTC)),
            (rs, c) -> {
                OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            });
    public static final SqlType<LocalDate> DATE = plain("date", Types.DATE,
            (st, i, v) -> st.setDate(i, Date.valueOf(v)),
            (rs, c) -> {
                Date d = rs.getDate(c);
                return d == null ? null : d.toLocalDate();
            });
    /** A {@code text[]}, written in the order given. */
    public static final SqlType<List<String>> TEXT_ARRAY = plain("_text", Types.ARRAY,
            (st, i, v) -> st.setArray(i, st.getConnection().createArrayOf("text", v.toArray())),
            (rs, c) -> {
                Array a = rs.getArray(c);
                return a == null ? null : List.of((String[]) a.getArray());
            });
    /** JSON text, stored as {@code jsonb}; read back as PostgreSQL writes it. */
    public static final SqlType<String> JSONB = new SqlType<>("jsonb", null, "?::jsonb", 1, PLAIN, Types.VARCHAR,
            PreparedStatement::setString, ResultSet::getString);
    /** A point, written from its longitude and latitude and read back as the pair {@code [ST_X, ST_Y]}. */
    public static final SqlType<GeoPoint> POINT = new SqlType<>("geometry", "POINT",
            "ST_SetSRID(ST_MakePoint(?, ?), 4326)", 2, "ARRAY[ST_X(%1$s), ST_Y(%1$s)] AS %1$s", Types.DOUBLE,
            (st, i, v) -> {
                st.setDouble(i, v.lon());
                st.setDouble(i + 1, v.lat());
            },
            (rs, c) -> {
                Array a = rs.getArray(c);
                if (a == null) {
                    return null;
                }
                Double[] lonLat = (Double[]) a.getArray();
                return new GeoPoint(lonLat[0], lonLat[1]);
            });
    /** A multipolygon, written and read as WKT; a polygon is written as a multipolygon of one. */
    public static final SqlType<String> MULTIPOLYGON = new SqlType<>("geometry", "MULTIPOLYGON",
            "ST_Multi(ST_GeomFromText(?, 4326))", 1, "ST_AsText(%1$s) AS %1$s", Types.VARCHAR,
            PreparedStatement::setString, ResultSet::getString);

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement st, int index, T value) throws SQLException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rs, String label) throws SQLException;
    }

    private final String udtName;
    private final String geometryType;
    private final String placeholder;
    private final int parameters;
    private final String selectFormat;
    private final int nullType;
    private final Binder<T> binder;
    private final Reader<T> reader;

    private SqlType(String udtName, String geometryType, String placeholder, int parameters, String selectFormat,
                    int nullType, Binder<T> binder, Reader<T> reader) {
        this.udtName = udtName;
        this.geometryType = geometryType;
        this.placeholder = placeholder;
        this.parameters = parameters;
        this.selectFormat = selectFormat;
        this.nullType = nullType;
        this.binder = binder;
        this.reader = reader;
    }

    private static <T> SqlType<T> plain(String udtName, int nullType, Binder<T> binder, Reader<T> reader) {
        return new SqlType<>(udtName, null, "?", 1, PLAIN, nullType, binder, reader);
    }

    /** PostgreSQL's name of the type, as {@code information_schema.columns.udt_name} shows it. */
    public String udtName() {
        return udtName;
    }

    /** The PostGIS geometry type ({@code POINT}, {@code MULTIPOLYGON}), or null for other types. */
    public String geometryType() {
        return geometryType;
    }

    /** What stands for a value in an INSERT: {@code ?}, or an expression of {@link #parameters()} parameters. */
    public String placeholder() {
        return placeholder;
    }

    /** How many statement parameters one value takes. */
    public int parameters() {
        return parameters;
    }

    /** The select-list expression for column {@code name}, such that {@link #read} finds it under its name. */
    public String select(String name) {
        return selectFormat.formatted(name);
    }

    void bind(PreparedStatement st, int index, T value) throws SQLException {
        if (value != null) {
            binder.bind(st, index, value);
            return;
        }
        for (int i = 0; i < parameters; i++) {
            st.setNull(index + i, nullType);
        }
    }

    T read(ResultSet rs, String label) throws SQLException {
        return reader.read(rs, label);
    }

    private static <V> V orNull(ResultSet rs, V value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    @Override
    public String toString() {
        return geometryType == null ? udtName : "geometry(" + geometryType + ", 4326)";
    }
}
