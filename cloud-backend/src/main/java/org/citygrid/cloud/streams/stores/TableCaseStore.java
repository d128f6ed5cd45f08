package org.citygrid.cloud.streams.stores;

import java.util.Optional;
import org.citygrid.cloud.ledger.CaseStore;
import org.citygrid.cloud.store.KeyValueTable;
import org.citygrid.model.cases.Case;

/** The ledger's {@link CaseStore} on the task's {@code cases} state store, which holds folded cases ({@code CaseSerde}). */
public final class TableCaseStore implements CaseStore {

    private final KeyValueTable<Case> table;

    public TableCaseStore(KeyValueTable<Case> table) {
        this.table = table;
    }

    @Override
    public Optional<Case> find(String caseId) {
        return Optional.ofNullable(table.get(caseId));
    }

    @Override
    public void save(Case c) {
        table.put(c.id(), c);
    }
}
