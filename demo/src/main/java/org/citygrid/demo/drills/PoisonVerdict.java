package org.citygrid.demo.drills;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.citygrid.contracts.deadletters.DeadLetter;

/**
 * What the poison drill proved, input by input, and whether it passed: every hostile input refused clearly or set
 * aside with its reason, the normal report after each one in the read model within the wait, no consumer stopped,
 * no case lost or doubled.
 *
 * @param results    one per hostile input, in the order sent
 * @param count      the normal load's count (as the fault drills count)
 * @param reports    the normal reports sent after the hostile inputs, recounted after the drain
 * @param refusalsSetAside dead letters of records the drill did not produce: a consumer that could not handle the
 *                   case cycle's refusal of a produced record set that aside in turn
 * @param finalHealth the services' health at the end
 * @param reportWait how soon each normal report had to arrive
 */
record PoisonVerdict(List<Result> results, DrillCount count, List<NormalReports.Sent> reports,
                     List<DeadLetter> refusalsSetAside, List<ServiceHealth.Reading> finalHealth, Duration reportWait,
                     Duration runTime) {

    /**
     * One hostile input and what followed it.
     *
     * @param answers     for a record produced onto a topic: the dead letters naming its coordinates, and the case
     *                    cycle's refusal naming its key
     * @param next        the normal report sent right after it
     * @param health      the services' health right after it
     */
    record Result(HostileInput input, HostileAnswer answer, List<TopicAnswers.Answer> answers, NormalReports.Sent next,
                  List<ServiceHealth.Reading> health) {

        /** Refused clearly, or set aside with a reason: empty when so, else what went wrong. */
        Optional<String> handlingProblem() {
            if (answer.produced()) {
                return answers.stream().anyMatch(a -> !a.reason().isBlank()) ? Optional.empty()
                        : Optional.of("neither a dead letter nor a refusal for " + answer.status());
            }
            if (answer.clearRefusal()) {
                return Optional.empty();
            }
            if (answer.accepted()) {
                return Optional.of("ACCEPTED (" + answer.status() + "): the entry took it as good");
            }
            return Optional.of("no clear refusal: " + answer.status() + " " + answer.reason());
        }

        /** The next normal report's problem: not acknowledged, or not in the read model in time. */
        Optional<String> nextReportProblem(Duration wait) {
            if (!next.acknowledged()) {
                return Optional.of("the next normal report was refused: " + next.refused);
            }
            Duration took = next.took();
            if (took == null || took.compareTo(wait) > 0) {
                return Optional.of("the next normal report reached the read model "
                        + (took == null ? "never" : "after " + took.toMillis() + " ms"));
            }
            return Optional.empty();
        }

        Optional<ServiceHealth.Reading> stopped() {
            return health.stream().filter(ServiceHealth.Reading::stopped).findFirst();
        }
    }

    /** Every failed proof, naming the input it followed; empty when the drill passed. */
    List<String> failures() {
        List<String> failures = new ArrayList<>();
        for (Result r : results) {
            String input = r.input().entry() + ", " + r.input().what();
            r.handlingProblem().ifPresent(p -> failures.add(input + ": " + p));
            r.nextReportProblem(reportWait).ifPresent(p -> failures.add(input + ": " + p));
            r.stopped().ifPresent(h -> failures.add(input + ": a consumer stopped after it: " + h));
        }
        finalHealth.stream().filter(ServiceHealth.Reading::stopped)
                .forEach(h -> failures.add("at the end, a consumer has stopped: " + h));
        if (lostReports() > 0 || doubledReports() > 0) {
            failures.add("normal reports: " + lostReports() + " lost, " + doubledReports() + " doubled in the read model");
        }
        if (!count.passed()) {
            failures.add("the sensors' load: " + count.lost() + " lost, " + count.duplicated() + " duplicated");
        }
        return failures;
    }

    boolean passed() {
        return failures().isEmpty();
    }

    long refusals() {
        return results.stream().filter(r -> r.answer().clearRefusal()).count();
    }

    /** Refusals by status, e.g. {4.00=12, 400=9, 403=1}. */
    Map<String, Integer> refusalsByStatus() {
        Map<String, Integer> by = new TreeMap<>();
        results.stream().filter(r -> !r.answer().produced())
                .forEach(r -> by.merge(r.answer().status(), 1, Integer::sum));
        return by;
    }

    long produced() {
        return results.stream().filter(r -> r.answer().produced()).count();
    }

    long setAside() {
        return results.stream().filter(r -> r.answer().produced() && !r.answers().isEmpty()).count();
    }

    /**
     * The produced records' answers by where and who, e.g. {grid.dead-letters by readmodel=3,
     * grid.intake-rejections by case-cycle=3}.
     */
    Map<String, Integer> answersBy() {
        Map<String, Integer> by = new TreeMap<>();
        results.forEach(r -> r.answers().forEach(a -> by.merge(a.where() + " by " + a.by(), 1, Integer::sum)));
        return by;
    }

    Optional<Duration> slowestNextReport() {
        return results.stream().map(r -> r.next().took()).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder());
    }

    long acknowledgedReports() {
        return reports.stream().filter(NormalReports.Sent::acknowledged).count();
    }

    long lostReports() {
        return reports.stream().filter(s -> s.acknowledged() && s.transitions == 0).count();
    }

    long doubledReports() {
        return reports.stream().filter(s -> s.transitions > 1).count();
    }
}
