package org.citygrid.cloud.streams.stores;

import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.citygrid.cloud.dispatch.ResponsibilityTable;
import org.citygrid.contracts.dispatch.Responsibility;

/** The responsibility table's rows, from the GlobalKTable every instance holds whole. */
public final class GlobalResponsibilityRows implements ResponsibilityTable.Rows {

    /** The global store's name. */
    public static final String STORE = "responsibility";

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Responsibility>> rows;

    public GlobalResponsibilityRows(ReadOnlyKeyValueStore<String, ValueAndTimestamp<Responsibility>> rows) {
        this.rows = rows;
    }

    @Override
    public Optional<Responsibility> row(String key) {
        ValueAndTimestamp<Responsibility> row = rows.get(key);
        return row == null ? Optional.empty() : Optional.ofNullable(row.value());
    }
}
