package org.citygrid.bench.casecycle;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.citygrid.contracts.topics.TopicCatalogue;

/**
 * The case cycle's outcomes, read from {@code grid.case-events} in its documented JSON (docs/wire-formats.md): a
 * report is through when the case it opened is {@code Dispatched}. The case is the one whose {@code Reported} event
 * carries command id {@code intake:<intakeId>}; a report that joined an open case nearby is a
 * {@code DuplicateMerged} with that command id instead, settled without a dispatch of its own.
 */
final class DispatchedCases implements Outcomes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FROM_INTAKE = "intake:";

    private final Map<String, String> caseByIntake = new ConcurrentHashMap<>();
    private final Map<String, Long> mergedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> dispatchedAt = new ConcurrentHashMap<>();
    private final TopicTail tail;

    DispatchedCases(String bootstrapServers) {
        tail = new TopicTail(bootstrapServers, TopicCatalogue.CASE_EVENTS.name(), (r, now) -> event(r.value(), now));
    }

    private void event(String json, long now) {
        // a report makes Reported, Filed and Dispatched (and SLA events later): Filed needs no parsing
        if (!json.contains("\"Reported\"") && !json.contains("\"Dispatched\"") && !json.contains("\"DuplicateMerged\"")) {
            return;
        }
        JsonNode event;
        try {
            event = JSON.readTree(json);
        } catch (IOException e) {
            return; // not ours to judge: the wire-format specs check the events
        }
        String caseId = event.path("caseId").asText();
        String command = event.path("commandId").asText();
        switch (event.path("change").path("type").asText()) {
            case "Reported" -> {
                if (command.startsWith(FROM_INTAKE)) {
                    caseByIntake.put(command.substring(FROM_INTAKE.length()), caseId);
                }
            }
            case "DuplicateMerged" -> {
                if (command.startsWith(FROM_INTAKE)) {
                    mergedAt.putIfAbsent(command.substring(FROM_INTAKE.length()), now);
                }
            }
            case "Dispatched" -> dispatchedAt.putIfAbsent(caseId, now);
            default -> {
            }
        }
    }

    @Override
    public Long settledAt(String intakeId) {
        Long merged = mergedAt.get(intakeId);
        if (merged != null) {
            return merged;
        }
        String caseId = caseByIntake.get(intakeId);
        return caseId == null ? null : dispatchedAt.get(caseId);
    }

    @Override
    public boolean merged(String intakeId) {
        return mergedAt.containsKey(intakeId);
    }

    @Override
    public void close() throws InterruptedException {
        tail.close();
    }
}
