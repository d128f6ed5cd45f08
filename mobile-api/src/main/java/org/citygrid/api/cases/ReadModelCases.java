package org.citygrid.api.cases;

import java.util.List;
import java.util.Optional;
import org.citygrid.api.readmodel.CaseReadModel;
import org.citygrid.model.cases.Case;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A case as the read model has it: rebuilt with grid-model's {@link Case#replay} from its events in
 * grid.case_events, the case cycle's own record of it. A moment behind the case cycle, never ahead.
 */
final class ReadModelCases {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelCases.class);

    private ReadModelCases() {
    }

    /**
     * The case, or empty while the read model holds no unbroken history of it (the projection writes a case's
     * row and events in one transaction, so this is a case it has not finished projecting) or holds one this
     * build cannot read.
     */
    static Optional<Case> rebuild(CaseReadModel readModel, String caseId) {
        try {
            List<CaseEvent> events = readModel.events(caseId);
            return events.isEmpty() ? Optional.empty() : Optional.of(Case.replay(events));
        } catch (WireFormatException | IllegalArgumentException e) {
            // a history this build cannot read or with a gap: callers go on without it, and the case cycle
            // still decides every step sent
            LOG.warn("cannot rebuild case {} from the read model: {}", caseId, e.getMessage());
            return Optional.empty();
        }
    }
}
