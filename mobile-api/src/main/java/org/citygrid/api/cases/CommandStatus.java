package org.citygrid.api.cases;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What became of a command: PENDING, APPLIED at {@code caseVersion}, or REJECTED with a reason and message. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandStatus(String commandId, String caseId, String action, String status, Long caseVersion,
                            String reason, String message) {
}
