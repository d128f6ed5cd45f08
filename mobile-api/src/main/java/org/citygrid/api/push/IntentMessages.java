package org.citygrid.api.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryCatalogue;

/** What a person's phone shows for a notification intent, or nothing for intents that are not pushed. */
final class IntentMessages {

    record Message(String title, String body) {
    }

    /** Told to a case's reporters by {@link CaseEventNotifier}, from the events themselves. */
    private static final Set<String> FOR_REPORTERS = Set.of("REPORT_RECEIVED", "REPORT_MERGED", "CASE_FILED",
            "CASE_DISMISSED", "CASE_DISPATCHED", "CASE_IN_PROGRESS", "CASE_HANDLED", "CASE_CLOSED", "CASE_VOIDED");

    private static final CategoryCatalogue CATALOGUE = CategoryCatalogue.loadDefault();

    private IntentMessages() {
    }

    /**
     * @param what     the intent's {@code what}
     * @param audience the intent's {@code audience.kind}
     */
    static Optional<Message> of(String what, String audience, JsonNode intent) {
        if ("ROLE".equals(audience) || "USER".equals(audience) && FOR_REPORTERS.contains(what)) {
            return Optional.empty();
        }
        String problem = category(intent.path("categoryCode").asText()) + " in grid " + intent.path("gridCode").asText();
        String deadline = intent.path("deadline").isTextual() ? " (deadline " + intent.path("deadline").asText() + ")" : "";
        return Optional.ofNullable(switch (what) {
            case "TASK_ASSIGNED" -> new Message("New task", problem + ": please accept it or return it.");
            case "TASK_WITHDRAWN" -> new Message("Task withdrawn", problem + " was sent to another department.");
            case "REWORK" -> new Message("Rework", problem + " failed its on-site check and comes back to you.");
            case "EXTENSION_APPROVED" -> new Message("Extension approved", problem + ": you have more time.");
            case "EXTENSION_REJECTED" -> new Message("Extension refused", problem + ": the deadline stands.");
            case "CASE_SUSPENDED" -> new Message("Task on hold", problem + " is suspended; its clock has stopped.");
            case "CASE_RESUMED" -> new Message("Task resumed", problem + " is active again.");
            case "ALARM_CLEARED" -> new Message("Sensor back to normal", problem + ": the alarm cleared; confirm the cause is fixed.");
            case "CASE_RATED" -> new Message("Case rated", problem + " was rated by its reporter.");
            case "VERIFY_NEEDED" -> new Message("Report to verify", problem + ": please verify it on site.");
            case "CHECK_NEEDED" -> new Message("Work to check", problem + " is reported handled: please check it on site.");
            case "DEADLINE_APPROACHING" -> new Message("Deadline approaching", problem + deadline);
            case "OVERDUE" -> new Message("Overdue", problem + " is past its deadline" + deadline);
            case "CASE_FILED" -> new Message("Problem taken up", problem + " in your community is now a case.");
            case "CASE_CLOSED" -> new Message("Problem fixed", problem + " in your community is fixed and closed.");
            default -> null;
        });
    }

    private static String category(String code) {
        return CATALOGUE.byCode(code).map(Category::name).map(n -> n.en()).orElse(code);
    }
}
