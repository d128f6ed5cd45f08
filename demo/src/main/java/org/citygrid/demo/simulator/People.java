package org.citygrid.demo.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.citygrid.demo.api.ApiClient;
import org.citygrid.demo.api.ApiException;
import org.citygrid.demo.api.DemoAccount;
import org.citygrid.model.cases.Stage;
import org.citygrid.model.category.CatalogueCaseRules;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.category.CategoryKind;
import org.citygrid.model.grid.GridHierarchy;
import org.citygrid.model.grid.UnitGrid;
import org.locationtech.jts.geom.Point;

/**
 * The people of the city, through mobile-api's HTTP API only: residents report problems, follow their reports
 * (what a push message would lead them to), read their community's notices and rate closed cases; operators file
 * what waits in the filing queue once a grid worker verified it (dismissing what was not found), close the cases
 * that passed their check, re-dispatch returned cases and decide extension requests; handlers accept dispatched
 * tasks or return a few, ask for more time on some, and report them handled with a photo; grid workers verify
 * residents' reports on site, finding most, and check handled cases, passing most of them. One step every
 * {@code 60 / actionsPerMinute} seconds, the roles taking turns. A refusal (409, 422, ...) is counted, never fatal.
 */
public final class People implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Share of checks that pass; the rest go back for rework. */
    private static final double CHECK_PASS_RATE = 0.8;
    /** Share of resident reports a grid worker finds on site as reported; the desk dismisses the rest. */
    private static final double VERIFY_FOUND_RATE = 0.9;
    /**
     * How long the desk waits for a grid worker to verify a resident's report before filing it unverified: a
     * report in a grid no worker covers must not wait for ever.
     */
    static final Duration VERIFY_PATIENCE = Duration.ofMinutes(2);

    private final ApiClient api;
    private final List<DemoAccount> accounts;
    private final GridHierarchy grids;
    private final double actionsPerMinute;
    private final PrintStream out;
    private final Random random = new Random();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, ObjectNode> photos = new HashMap<>();
    private final Set<String> rated = new HashSet<>();
    /** The state each report was in when its reporter last looked: a change is what a push would tell them. */
    private final Map<String, String> seenStatus = new HashMap<>();
    private final Set<String> seenNotices = new HashSet<>();
    /** Extension requests a handler sent and waits on: the command's id, and since when. */
    private final Map<String, Waiting> extensionsAsked = new HashMap<>();
    /** Cases a handler gave back: they leave the task list once the read model shows it, and are not touched again. */
    private final Set<String> givenBack = new HashSet<>();
    /** Cases on which a handler has asked for an extension once: they do not ask twice. */
    private final Set<String> everAsked = new HashSet<>();
    /** Returned cases the desk is watching until the case cycle or the desk has placed them. */
    private final Map<String, Long> returnedSeenAt = new HashMap<>();
    /** Extension requests the desk has noted but the read model did not show yet: looks left before it gives up. */
    private final Map<String, Integer> extensionLooks = new HashMap<>();
    private final Choices choices;
    /** Departments with a handler account: the only ones the desk can send a returned case to. */
    private final Set<String> staffed;
    private final CommandDesk desk;
    /** Cases a worker passed on site: the operator closes them (no task list shows them to operators yet). */
    private final Set<String> toClose = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Category> reportable;
    private final ScheduledExecutorService steps = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("people").daemon().factory());
    private final Map<String, AtomicLong> counters = new java.util.LinkedHashMap<>();
    /** Accounts told to wait (HTTP 429), and until when: they sit out their turns instead of hammering the API. */
    private final Map<String, java.time.Instant> resting = new HashMap<>();
    private int turn;

    /** How long a handler waits for an answer to an extension request before reporting the task handled anyway. */
    static final Duration EXTENSION_PATIENCE = Duration.ofMinutes(3);
    /** How many of its turns the desk looks for an extension request the read model does not show yet. */
    private static final int EXTENSION_LOOKS = 20;

    private record Waiting(String commandId, Instant since) {
    }

    public People(ApiClient api, List<DemoAccount> accounts, GridHierarchy grids, double actionsPerMinute,
                  PeopleShares shares, PrintStream out) {
        this.api = api;
        this.choices = new Choices(shares, random);
        this.staffed = accounts.stream().filter(a -> "HANDLER".equals(a.role()) && a.department() != null)
                .map(DemoAccount::department).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.desk = accounts.stream().filter(a -> "OPERATOR".equals(a.role())).findFirst()
                .map(operator -> new CommandDesk(api, operator, out)).orElse(null);
        this.accounts = List.copyOf(accounts);
        this.grids = grids;
        this.actionsPerMinute = actionsPerMinute;
        this.out = out;
        this.reportable = CategoryCatalogue.loadDefault().categories().stream()
                .filter(c -> c.code().kind() == CategoryKind.EVENT || c.code().kind() == CategoryKind.COMPONENT)
                .toList();
        for (String name : List.of("reports", "verified", "not found", "filed", "dismissed", "closed", "accepted", "handled", "checks passed", "checks failed",
                "ratings", "returned", "re-dispatched", "extensions asked", "extensions approved", "extensions refused",
                "followed", "notices read", "refused", "rate-limited")) {
            counters.put(name, new AtomicLong());
        }
    }

    public void start() {
        if (desk != null) {
            desk.start();
        }
        long period = Math.max(100, Math.round(60_000 / actionsPerMinute));
        steps.scheduleWithFixedDelay(this::step, period, period, TimeUnit.MILLISECONDS);
        steps.scheduleAtFixedRate(() -> out.println("people: " + counters()), 10, 10, TimeUnit.SECONDS);
    }

    public String counters() {
        StringBuilder s = new StringBuilder();
        counters.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
        return s.toString();
    }

    @Override
    public void close() {
        steps.shutdownNow();
        if (desk != null) {
            desk.close();
        }
    }

    private void step() {
        try {
            switch (turn++ % 5) {
                case 0 -> each("RESIDENT", this::report);
                case 1 -> each("OPERATOR", this::fileQueue);
                case 2 -> each("HANDLER", this::work);
                case 3 -> each("GRID_WORKER", this::patrol);
                default -> each("RESIDENT", this::follow);
            }
        } catch (RuntimeException e) {
            // a scheduled step that throws is never run again: count it and carry on with the next turn
            counters.get("refused").incrementAndGet();
            out.println("people: " + e.getMessage());
        }
    }

    private void each(String role, java.util.function.Consumer<DemoAccount> action) {
        java.time.Instant now = java.time.Instant.now();
        for (DemoAccount account : accounts) {
            if (!role.equals(account.role()) || now.isBefore(resting.getOrDefault(account.username(), now))) {
                continue;
            }
            try {
                action.accept(account);
            } catch (RateLimited e) {
                counters.get("rate-limited").incrementAndGet();
                resting.put(account.username(), now.plusSeconds(e.retryAfterSeconds));
            }
        }
    }

    /** mobile-api said 429: this account waits for Retry-After before its next step. */
    private static final class RateLimited extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super(null, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    private void report(DemoAccount resident) {
        List<UnitGrid> home = grids.gridsOf(resident.communityCode());
        if (home.isEmpty() || random.nextDouble() > 0.5) {
            return; // not every resident reports every turn
        }
        Point p = home.get(random.nextInt(home.size())).geometry().getInteriorPoint();
        Category category = reportable.get(random.nextInt(reportable.size()));
        ObjectNode body = JSON.createObjectNode();
        body.put("categoryCode", category.code().toString());
        body.put("description", "模拟 simulated: " + category.name().en());
        body.putObject("position").put("lon", round(p.getX())).put("lat", round(p.getY()));
        call(resident, "reports", c -> api.post("/api/v1/reports", c, body, UUID.randomUUID().toString()));
    }

    private void fileQueue(DemoAccount operator) {
        for (JsonNode c : list(operator, "/api/v1/operator/filing-queue")) {
            JsonNode verification = c.path("verification");
            if (verification.isObject() && !verification.path("found").asBoolean()) {
                action(operator, c, JSON.createObjectNode().put("type", "Dismiss")
                        .put("reason", "not found on site: " + verification.path("note").asText()), "dismissed");
            } else if (verification.isObject() || !awaitsVerification(c)) {
                action(operator, c, JSON.createObjectNode().put("type", "File").put("note", "simulated filing"), "filed");
            }
        }
        for (String caseId : List.copyOf(toClose)) {
            ApiClient.Response r = withToken(operator, t -> api.get("/api/v1/cases/" + caseId, t));
            toClose.remove(caseId);
            if (r.ok() && "CHECK_PASSED".equals(r.body().path("state").asText())) {
                action(operator, r.body(), JSON.createObjectNode().put("type", "Close").put("note", "checked: closed"),
                        "closed");
            }
        }
        if (desk != null && desk.operator().equals(operator)) {
            redispatchReturned(operator);
            decideExtensions(operator);
        }
    }

    /** A resident's report the desk leaves to the grid's workers for a while before filing it unverified. */
    private static boolean awaitsVerification(JsonNode c) {
        boolean hearsay = switch (c.path("channel").asText()) {
            case "RESIDENT", "OPEN311", "HOTLINE" -> true;
            default -> false;
        };
        Instant reported = Instant.parse(c.path("reportedAt").asText(Instant.EPOCH.toString()));
        return hearsay && Instant.now().isBefore(reported.plus(VERIFY_PATIENCE));
    }

    /**
     * The desk looks at each returned case until it is placed. The case cycle dispatches a returned case to the
     * next department of the category's order by itself; the desk steps in when that left it with nobody (FILED,
     * seen twice at the same version so as not to race the case cycle), with a department that has no handlers,
     * or with one that returned it.
     */
    private void redispatchReturned(DemoAccount operator) {
        desk.takeReturned().forEach(id -> returnedSeenAt.putIfAbsent(id, -1L));
        for (String caseId : List.copyOf(returnedSeenAt.keySet())) {
            ApiClient.Response r = withToken(operator, t -> api.get("/api/v1/cases/" + caseId, t));
            if (!r.ok()) {
                returnedSeenAt.remove(caseId);
                continue;
            }
            JsonNode c = r.body();
            String state = c.path("state").asText();
            long version = c.path("version").asLong();
            CaseTimeline timeline = new CaseTimeline(c);
            if (!timeline.wasReturned()) {
                continue; // the read model has not caught up with the live stream yet
            }
            Long seen = returnedSeenAt.put(caseId, version);
            if ("FILED".equals(state) && (seen == null || seen != version)) {
                continue; // the case cycle may be dispatching it right now: look again next turn
            }
            Optional<String> target = choices.redispatch(state, c.path("department").asText(null),
                    timeline.returnedBy(), staffed);
            if (target.isPresent()) {
                ObjectNode dispatch = JSON.createObjectNode().put("type", "Dispatch").put("department", target.get())
                        .put("note", "re-dispatched by the command desk after a return");
                action(operator, c, dispatch, "re-dispatched"); // looked at again next turn, until the dispatch shows
            } else {
                // placed by the case cycle, taken up or closed; or every staffed department returned it and it
                // waits for a person to decide
                returnedSeenAt.remove(caseId);
            }
        }
    }

    /** The desk answers each extension request it saw: it approves most and refuses the rest, with a reason. */
    private void decideExtensions(DemoAccount operator) {
        desk.takeExtensionRequests().forEach(id -> extensionLooks.putIfAbsent(id, EXTENSION_LOOKS));
        for (String caseId : List.copyOf(extensionLooks.keySet())) {
            ApiClient.Response r = withToken(operator, t -> api.get("/api/v1/cases/" + caseId, t));
            CaseTimeline timeline = r.ok() ? new CaseTimeline(r.body()) : null;
            if (timeline != null && timeline.extensionWaiting() && "IN_PROGRESS".equals(r.body().path("state").asText())) {
                extensionLooks.remove(caseId);
                boolean approve = choices.approvesExtension();
                ObjectNode answer = approve
                        ? JSON.createObjectNode().put("type", "ApproveExtension").put("note", "approved by the command desk")
                        : JSON.createObjectNode().put("type", "RejectExtension").put("reason", "the deadline stands");
                action(operator, r.body(), answer, approve ? "extensions approved" : "extensions refused");
            } else if (timeline == null || timeline.extensionAnswered()
                    || extensionLooks.merge(caseId, -1, Integer::sum) <= 0) {
                extensionLooks.remove(caseId); // answered already, gone, or never shown: stop looking
            }
        }
    }

    private void work(DemoAccount handler) {
        for (JsonNode c : list(handler, "/api/v1/handler/tasks")) {
            String caseId = c.path("caseId").asText();
            switch (c.path("state").asText()) {
                case "DISPATCHED" -> {
                    if (givenBack.contains(caseId + "@" + handler.department())) {
                        continue; // returned already; the read model has not caught up
                    }
                    if (choices.onDispatched(() -> timeline(handler, caseId)) == Choices.OnDispatched.RETURN) {
                        ObjectNode back = JSON.createObjectNode().put("type", "Return")
                                .put("reason", "not ours: " + handler.department() + " does not look after this");
                        if (action(handler, c, back, "returned")) {
                            givenBack.add(caseId + "@" + handler.department());
                        }
                    } else {
                        action(handler, c, JSON.createObjectNode().put("type", "Accept"), "accepted");
                    }
                }
                case "IN_PROGRESS" -> inProgress(handler, c);
                default -> {
                }
            }
        }
    }

    /**
     * An accepted task: ask for more time once in a while, wait for the desk's answer (or until patience runs
     * out, or the case cycle refused the request), then report it handled with a photo.
     */
    private void inProgress(DemoAccount handler, JsonNode c) {
        String caseId = c.path("caseId").asText();
        Waiting waiting = extensionsAsked.get(caseId);
        if (waiting != null && !waitIsOver(handler, caseId, waiting)) {
            return;
        }
        extensionsAsked.remove(caseId);
        if (choices.onInProgress(everAsked.contains(caseId)) == Choices.OnInProgress.ASK_EXTENSION) {
            everAsked.add(caseId);
            ObjectNode ask = JSON.createObjectNode().put("type", "RequestExtension")
                    .put("extra", extension(c.path("categoryCode").asText()).toString())
                    .put("reason", "simulated: parts on order");
            ApiClient.Response r = actionAnswer(handler, c, ask, "extensions asked");
            if (r != null) {
                extensionsAsked.put(caseId, new Waiting(r.body().path("id").asText(null), Instant.now()));
            }
            return;
        }
        ObjectNode handled = JSON.createObjectNode().put("type", "ReportHandled").put("note", "fixed");
        handled.putArray("evidence").add(photo(handler));
        action(handler, c, handled, "handled");
    }

    /** The handler's request was refused by the case cycle, answered by the desk, or has waited long enough. */
    private boolean waitIsOver(DemoAccount handler, String caseId, Waiting waiting) {
        if (Instant.now().isAfter(waiting.since().plus(EXTENSION_PATIENCE))) {
            return true;
        }
        if (waiting.commandId() != null) {
            ApiClient.Response command = withToken(handler, t -> api.get("/api/v1/commands/" + waiting.commandId(), t));
            if (command.ok() && "REJECTED".equals(command.body().path("status").asText())) {
                return true;
            }
        }
        return timeline(handler, caseId).map(CaseTimeline::extensionAnswered).orElse(false);
    }

    /** Half the category's handling time limit (the most one extension may add), in whole minutes. */
    private Duration extension(String categoryCode) {
        Duration limit = CategoryCatalogue.loadDefault().byCode(categoryCode).isPresent()
                ? CatalogueCaseRules.chinaDefault().timeLimit(categoryCode, Stage.HANDLING) : Duration.ofHours(1);
        return Duration.ofMinutes(Math.max(1, limit.toMinutes() / 2));
    }

    private Optional<CaseTimeline> timeline(DemoAccount who, String caseId) {
        ApiClient.Response r = withToken(who, t -> api.get("/api/v1/cases/" + caseId, t));
        return r.ok() ? Optional.of(new CaseTimeline(r.body())) : Optional.empty();
    }

    private void patrol(DemoAccount worker) {
        for (JsonNode c : list(worker, "/api/v1/worker/tasks")) {
            if ("REPORTED".equals(c.path("state").asText())) {
                boolean found = random.nextDouble() < VERIFY_FOUND_RATE;
                ObjectNode verify = JSON.createObjectNode().put("type", "Verify").put("found", found)
                        .put("note", found ? "seen on site as reported" : "nothing of the kind at the place");
                verify.putArray("evidence").add(photo(worker));
                action(worker, c, verify, found ? "verified" : "not found");
            } else if ("HANDLED".equals(c.path("state").asText())) {
                boolean passed = random.nextDouble() < CHECK_PASS_RATE;
                ObjectNode check = JSON.createObjectNode().put("type", "Check").put("passed", passed)
                        .put("note", passed ? "checked on site: done" : "checked on site: not done");
                check.putArray("evidence").add(photo(worker));
                if (action(worker, c, check, passed ? "checks passed" : "checks failed") && passed) {
                    toClose.add(c.path("caseId").asText());
                }
            }
        }
    }

    /**
     * A resident looks at their reports: one whose state changed since they last looked is what a push message
     * announced, so they open it with its full timeline. They read new notices of their community, and rate each
     * closed case once.
     */
    private void follow(DemoAccount resident) {
        for (JsonNode report : list(resident, "/api/v1/reports")) {
            String reportId = report.path("reportId").asText();
            String status = report.path("status").asText();
            if (!"SUBMITTED".equals(status) && !status.equals(seenStatus.put(reportId, status))) {
                ApiClient.Response r = withToken(resident, t -> api.get("/api/v1/reports/" + reportId, t));
                counters.get(r.ok() ? "followed" : "refused").incrementAndGet();
            }
            rate(resident, report);
        }
        for (JsonNode notice : list(resident, "/api/v1/notices")) {
            if (seenNotices.add(resident.username() + "/" + notice.path("id").asText())) {
                counters.get("notices read").incrementAndGet();
            }
        }
    }

    private void rate(DemoAccount resident, JsonNode report) {
        String caseId = report.path("caseId").asText(null);
        if ("CLOSED".equals(report.path("status").asText()) && caseId != null && rated.add(caseId)) {
            ObjectNode rate = JSON.createObjectNode().put("type", "Rate").put("score", 3 + random.nextInt(3))
                    .put("comment", "simulated rating");
            call(resident, "ratings",
                    t -> api.post("/api/v1/cases/" + caseId + "/actions", t, rate, UUID.randomUUID().toString()));
        }
    }

    /** A step on a case as the person saw it (expectedVersion): true when the API took it. */
    private boolean action(DemoAccount who, JsonNode c, ObjectNode action, String counter) {
        return actionAnswer(who, c, action, counter) != null;
    }

    /** A step on a case as the person saw it: the API's 202 answer, or null when it refused the step. */
    private ApiClient.Response actionAnswer(DemoAccount who, JsonNode c, ObjectNode action, String counter) {
        action.put("expectedVersion", c.path("version").asLong());
        return answer(who, counter, t -> api.post("/api/v1/cases/" + c.path("caseId").asText() + "/actions", t,
                action, UUID.randomUUID().toString()));
    }

    private List<JsonNode> list(DemoAccount who, String path) {
        ApiClient.Response r = withToken(who, t -> api.get(path, t));
        List<JsonNode> items = new ArrayList<>();
        if (r.ok() && r.body().isArray()) {
            r.body().forEach(items::add);
        }
        return items;
    }

    /** The account's one evidence photo, uploaded on first use. */
    private ObjectNode photo(DemoAccount who) {
        return photos.computeIfAbsent(who.username(), u -> {
            ApiClient.Response r = withToken(who, t -> api.postBytes("/api/v1/photos", t,
                    Photos.jpeg("CityGrid " + u), "image/jpeg"));
            if (!r.ok()) {
                throw new ApiException("photo upload as " + u + " refused: HTTP " + r.status() + " " + r.body());
            }
            return JSON.createObjectNode().put("ref", r.body().path("ref").asText())
                    .put("mediaType", r.body().path("mediaType").asText());
        });
    }

    private boolean call(DemoAccount who, String counter, java.util.function.Function<String, ApiClient.Response> request) {
        return answer(who, counter, request) != null;
    }

    /** Sends a step: the answer when the API took it (counted under {@code counter}), null when it refused it. */
    private ApiClient.Response answer(DemoAccount who, String counter,
                                      java.util.function.Function<String, ApiClient.Response> request) {
        ApiClient.Response r = withToken(who, request);
        if (r.status() == 429) {
            throw new RateLimited(60);
        }
        if (r.ok()) {
            counters.get(counter).incrementAndGet();
            return r;
        }
        counters.get("refused").incrementAndGet();
        out.println("people: " + who.username() + " " + counter + " refused: HTTP " + r.status() + " " + r.body());
        return null;
    }

    /** Runs the request with the account's token, signing in first or again when the token has expired. */
    private ApiClient.Response withToken(DemoAccount who, java.util.function.Function<String, ApiClient.Response> request) {
        String token = tokens.computeIfAbsent(who.username(), u -> signIn(who));
        ApiClient.Response r = request.apply(token);
        if (r.status() == 401) {
            token = signIn(who);
            tokens.put(who.username(), token);
            r = request.apply(token);
        }
        return r;
    }

    private String signIn(DemoAccount who) {
        try {
            return api.signIn(who.username(), who.password());
        } catch (ApiException e) {
            if (e.getMessage().contains("HTTP 429")) {
                throw new RateLimited(60);
            }
            throw e;
        }
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
