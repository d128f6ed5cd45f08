package org.citygrid.contracts.readmodel;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * One column of a read-model table, with its type: {@code toString()} is its name, so it can stand in
 * SQL text; {@link #bind} writes a value (null included) and {@link #read} reads one back.
 *
 * @param <T> the Java type of its values
 */
public final class Column<T> {

    private final String name;
    private final SqlType<T> type;

    private Column(String name, SqlType<T> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    public static <T> Column<T> of(String name, SqlType<T> type) {
        return new Column<>(name, type);
    }

    public String name() {
        return name;
    }

    public SqlType<T> type() {
        return type;
    }

    /** The name in lower camel case ({@code community_name_zh}: {@code communityNameZh}), as JSON keys are written. */
    public String camelName() {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = false;
        for (char ch : name.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    /** What stands for this column's value in an INSERT ({@code ?}, {@code ?::jsonb}, a point's expression). */
    public String placeholder() {
        return type.placeholder();
    }

    /** The select-list expression that {@link #read(ResultSet)} reads (a geometry is selected as its value). */
    public String select() {
        return type.select(name);
    }

    /**
     * Binds {@code value} (null for SQL NULL) from parameter {@code index} on.
     *
     * @return the index of the next parameter: a point takes two
     */
    public int bind(PreparedStatement st, int index, T value) throws SQLException {
        type.bind(st, index, value);
        return index + type.parameters();
    }

    /** This column's value in the current row, selected with {@link #select()}; null for SQL NULL. */
    public T read(ResultSet rs) throws SQLException {
        return type.read(rs, name);
    }

    @Override
    public String toString() {
        return name;
    }
}
