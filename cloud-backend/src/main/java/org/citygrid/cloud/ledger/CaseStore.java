package org.citygrid.cloud.ledger;

import java.util.Optional;
import org.citygrid.model.cases.Case;

/**
 * Where the ledger keeps its partition's cases: the folded {@link Case}, bounded however many
 * reports join it (docs/cloud-backend.md, "The stored case"), never the event list, which is the
 * audit trail on {@code grid.case-events}. Implemented over the task's {@code cases} state store
 * ({@code streams.stores}).
 */
public interface CaseStore {

    /** The name of the state store that holds the cases. */
    String STORE = "cases";

    Optional<Case> find(String caseId);

    void save(Case c);
}
