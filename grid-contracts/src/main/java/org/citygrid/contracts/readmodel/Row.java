package org.citygrid.contracts.readmodel;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one row to write, bound in the order of the statement's columns whatever order they
 * were set in. A statement of forty parameters cannot then shift by one, and a column left out is an
 * error that names it rather than a wrong value in the next column.
 *
 * <pre>{@code
 * String insert = CasesTable.TABLE.insert(columns);
 * new Row(columns).set(CasesTable.CASE_ID, id).set(CasesTable.STATE, state) ... .bind(statement);
 * }</pre>
 */
public final class Row {

    private final List<Column<?>> columns;
    private final Map<Column<?>, Object> values = new HashMap<>();

    /** @param columns the statement's columns, in its order (as given to {@link Table#insert}) */
    public Row(List<Column<?>> columns) {
        this.columns = columns;
    }

    /** Sets {@code column} to {@code value}, null for SQL NULL. */
    public <T> Row set(Column<T> column, T value) {
        if (!columns.contains(column)) {
            throw new IllegalArgumentException(column + " is not one of this statement's columns " + columns);
        }
        values.put(column, value);
        return this;
    }

    /**
     * Binds every column from the statement's first parameter on.
     *
     * @return the index of the next parameter, for any that follow the columns
     * @throws IllegalStateException naming the columns that were not set
     */
    public int bind(PreparedStatement st) throws SQLException {
        List<Column<?>> unset = columns.stream().filter(c -> !values.containsKey(c)).toList();
        if (!unset.isEmpty()) {
            throw new IllegalStateException("no value set for " + unset);
        }
        int index = 1;
        for (Column<?> column : columns) {
            index = bind(st, index, column);
        }
        return index;
    }

    @SuppressWarnings("unchecked")
    private <T> int bind(PreparedStatement st, int index, Column<T> column) throws SQLException {
        return column.bind(st, index, (T) values.get(column));
    }
}
