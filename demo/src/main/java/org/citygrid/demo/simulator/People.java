package org.citygrid.demo.simulator;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.category.CategoryKind;
import org.citygrid.model.grid.GridHierarchy;
import org.citygrid.model.grid.UnitGrid;
import org.locationtech.jts.geom.Point;

/**
 * The people of the city, through mobile-api's HTTP API only: residents report problems and rate closed cases,
 * operators file what waits in the filing queue, handlers accept and report handled with a photo, grid workers
 * check handled cases on site and pass most of them. One step every {@code 60 / actionsPerMinute} seconds, the
 * roles taking turns.
 */
public final class People implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Share of checks that pass; the rest go back for rework. */
    private static final double CHECK_PASS_RATE = 0.8;

    private final ApiClient api;
    private final List<DemoAccount> accounts;
    private final GridHierarchy grids;
    private final double actionsPerMinute;
    private final PrintStream out;
    private final Random random = new Random();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, ObjectNode> photos = new HashMap<>();
    private final Set<String> rated = new HashSet<>();
    /** Cases a worker passed on site: the operator closes them (no task list shows them to operators yet). */
    private final Set<String> toClose = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Category> reportable;
    private final ScheduledExecutorService steps = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("people").daemon().factory());
    private final Map<String, AtomicLong> counters = new java.util.LinkedHashMap<>();
    /** Accounts told to wait (HTTP 429), and until when: they sit out their turns instead of hammering the API. */
    private final Map<String, java.time.Instant> resting = new HashMap<>();
    private int turn;

    public People(ApiClient api, List<DemoAccount> accounts, GridHierarchy grids, double actionsPerMinute, PrintStream out) {
        this.api = api;
        this.accounts = List.copyOf(accounts);
        this.grids = grids;
        this.actionsPerMinute = actionsPerMinute;
        this.out = out;
        this.reportable = CategoryCatalogue.loadDefault().categories().stream()
                .filter(c -> c.code().kind() == CategoryKind.EVENT || c.code().kind() == CategoryKind.COMPONENT)
                .toList();
        for (String name : List.of("reports", "filed", "closed", "accepted", "handled", "checks passed", "checks failed",
                "ratings", "refused", "rate-limited")) {
            counters.put(name, new AtomicLong());
        }
    }

    public void start() {
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
    }

    private void step() {
        try {
            switch (turn++ % 5) {
                case 0 -> each("RESIDENT", this::report);
                case 1 -> each("OPERATOR", this::fileQueue);
                case 2 -> each("HANDLER", this::work);
                case 3 -> each("GRID_WORKER", this::check);
                default -> each("RESIDENT", this::rate);
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
            action(operator, c, JSON.createObjectNode().put("type", "File").put("note", "simulated filing"), "filed");
        }
        for (String caseId : List.copyOf(toClose)) {
            ApiClient.Response r = withToken(operator, t -> api.get("/api/v1/cases/" + caseId, t));
            toClose.remove(caseId);
            if (r.ok() && "CHECK_PASSED".equals(r.body().path("state").asText())) {
                action(operator, r.body(), JSON.createObjectNode().put("type", "Close").put("note", "checked: closed"),
                        "closed");
            }
        }
    }

    private void work(DemoAccount handler) {
        for (JsonNode c : list(handler, "/api/v1/handler/tasks")) {
            switch (c.path("state").asText()) {
                case "DISPATCHED" -> action(handler, c, JSON.createObjectNode().put("type", "Accept"), "accepted");
                case "IN_PROGRESS" -> {
                    ObjectNode handled = JSON.createObjectNode().put("type", "ReportHandled").put("note", "fixed");
                    handled.putArray("evidence").add(photo(handler));
                    action(handler, c, handled, "handled");
                }
                default -> {
                }
            }
        }
    }

    private void check(DemoAccount worker) {
        for (JsonNode c : list(worker, "/api/v1/worker/tasks")) {
            if ("HANDLED".equals(c.path("state").asText())) {
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

    private void rate(DemoAccount resident) {
        for (JsonNode report : list(resident, "/api/v1/reports")) {
            String caseId = report.path("caseId").asText(null);
            if ("CLOSED".equals(report.path("status").asText()) && caseId != null && rated.add(caseId)) {
                ObjectNode rate = JSON.createObjectNode().put("type", "Rate").put("score", 3 + random.nextInt(3))
                        .put("comment", "simulated rating");
                call(resident, "ratings",
                        t -> api.post("/api/v1/cases/" + caseId + "/actions", t, rate, UUID.randomUUID().toString()));
            }
        }
    }

    /** A step on a case as the person saw it (expectedVersion): true when the API took it. */
    private boolean action(DemoAccount who, JsonNode c, ObjectNode action, String counter) {
        action.put("expectedVersion", c.path("version").asLong());
        return call(who, counter, t -> api.post("/api/v1/cases/" + c.path("caseId").asText() + "/actions", t, action,
                UUID.randomUUID().toString()));
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
        ApiClient.Response r = withToken(who, request);
        if (r.status() == 429) {
            throw new RateLimited(60);
        }
        if (r.ok()) {
            counters.get(counter).incrementAndGet();
            return true;
        }
        counters.get("refused").incrementAndGet();
        out.println("people: " + who.username() + " " + counter + " refused: HTTP " + r.status() + " " + r.body());
        return false;
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
