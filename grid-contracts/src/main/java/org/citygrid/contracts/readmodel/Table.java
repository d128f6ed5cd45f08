package org.citygrid.contracts.readmodel;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A table of the read model: its schema-qualified name ({@code toString()}, so it can stand in SQL
 * text) and its columns in the migration's order, with the statement fragments both sides need:
 * the writer's INSERT and upsert, the readers' SELECT.
 *
 * @param name    schema-qualified, e.g. {@code grid.cases}
 * @param columns every column, in the order of {@code V1__read_model.sql}
 */
public record Table(String name, List<Column<?>> columns) {

    public Table {
        columns = List.copyOf(columns);
    }

    /** The column called {@code columnName}. */
    public Column<?> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + columnName));
    }

    /** Every column but those given, in table order. */
    public List<Column<?>> columnsExcept(Column<?>... left) {
        List<Column<?>> out = List.of(left);
        return columns.stream().filter(c -> !out.contains(c)).toList();
    }

    /** {@code INSERT INTO <table> (<columns>) VALUES (<placeholders>)}, to be bound with a {@link Row} of them. */
    public String insert(List<Column<?>> written) {
        checkOwn(written);
        return "INSERT INTO " + name + " (" + join(written, Column::name) + ") VALUES ("
                + join(written, Column::placeholder) + ")";
    }

    /** {@code SELECT <columns> FROM <table>}, each column read back by {@link Column#read}. */
    public String select(List<Column<?>> read) {
        checkOwn(read);
        return "SELECT " + join(read, Column::select) + " FROM " + name;
    }

    /** {@code a = EXCLUDED.a, b = EXCLUDED.b}: an upsert's update of the columns given. */
    public String setFromExcluded(List<Column<?>> updated) {
        checkOwn(updated);
        return join(updated, c -> c.name() + " = EXCLUDED." + c.name());
    }

    /** {@code <table>.<column>}, to tell the stored row from {@code EXCLUDED} in an upsert's condition. */
    public String qualified(Column<?> column) {
        checkOwn(List.of(column));
        return name + "." + column.name();
    }

    private void checkOwn(List<Column<?>> some) {
        List<Column<?>> foreign = some.stream().filter(c -> !columns.contains(c)).toList();
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException("not columns of " + name + ": " + foreign);
        }
    }

    private static String join(List<Column<?>> columns, Function<Column<?>, String> part) {
        return columns.stream().map(part).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name;
    }
}
