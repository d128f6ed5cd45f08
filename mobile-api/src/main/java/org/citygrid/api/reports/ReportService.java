package org.citygrid.api.reports;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.errors.Forbidden;
import org.citygrid.api.errors.Invalid;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.idempotency.Idempotency;
import org.citygrid.api.kafka.GridPublisher;
import org.citygrid.api.photos.PhotoStore;
import org.citygrid.api.ratelimit.RateLimiter;
import org.citygrid.api.ratelimit.RateLimits;
import org.citygrid.api.readmodel.CaseReadModel;
import org.citygrid.api.privacy.ResidentView;
import org.citygrid.api.readmodel.CaseRow;
import org.citygrid.api.readmodel.TimelineEntry;
import org.citygrid.api.validation.CityArea;
import org.citygrid.api.validation.Positions;
import org.citygrid.api.validation.Texts;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.cases.Evidence;
import org.citygrid.model.cases.Role;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.category.CategoryKind;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.intake.IntakeRecord;
import org.citygrid.model.text.TextRules;

/** Turns a checked report into an intake record on grid.intake, and reads reports back for their reporter. */
@Singleton
public class ReportService {

    /** Phones' clocks drift; a report "seen" a little in the future is still believed. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CategoryCatalogue catalogue = CategoryCatalogue.loadDefault();
    private final GridPublisher publisher;
    private final ReportRepository reports;
    private final PhotoStore photos;
    private final CaseReadModel readModel;
    private final Idempotency idempotency;
    private final RateLimiter rateLimiter;
    private final CityArea city;
    private final Clock clock;

    ReportService(GridPublisher publisher, ReportRepository reports, PhotoStore photos, CaseReadModel readModel,
                  Idempotency idempotency, @Named(RateLimits.REPORTS) RateLimiter rateLimiter, CityArea city, Clock clock) {
        this.publisher = publisher;
        this.reports = reports;
        this.photos = photos;
        this.readModel = readModel;
        this.idempotency = idempotency;
        this.rateLimiter = rateLimiter;
        this.city = city;
        this.clock = clock;
    }

    /** Runs {@code body} once per Idempotency-Key of its sender; 202 with where to follow it. */
    public Idempotency.Reply submit(CurrentUser user, String key, NewReport body) {
        return submit(user, key, body, false);
    }

    /**
     * A community service request (repair, certificate, appointment...) travels like a report, with a
     * service category, so the case cycle files, dispatches and times it the same way.
     */
    public Idempotency.Reply submitServiceRequest(CurrentUser user, String key, NewReport body) {
        return submit(user, key, body, true);
    }

    private Idempotency.Reply submit(CurrentUser user, String key, NewReport body, boolean service) {
        return idempotency.once(user.id(), key, body, seed -> {
            // counted only for new requests: a retried report is not a second report
            rateLimiter.check(user.id());
            IntakeRecord record = toIntake("app-" + seed, user, body, service);
            publisher.intake(record);
            reports.insert(record, clock.instant());
            String follow = (service ? "/api/v1/service-requests/" : "/api/v1/reports/") + record.intakeId();
            return Idempotency.Answer.accepted(follow, new Accepted(record.intakeId(), "SUBMITTED", follow));
        });
    }

    IntakeRecord toIntake(String intakeId, CurrentUser user, NewReport body, boolean service) {
        Category category = category(body.categoryCode(), service);
        String description = Texts.accept(TextRules.description(), body.description());
        GeoPoint where = Positions.toWgs84("position", body.position().lon(), body.position().lat(),
                body.position().crs(), city);
        List<String> refs = body.photos() == null ? List.of() : body.photos();
        List<Evidence> media = photos.ownedBy(user.id(), refs);
        if (media.size() != refs.size()) {
            throw Invalid.field("photos", "every photo must be one you uploaded with POST /api/v1/photos");
        }
        Instant now = clock.instant();
        Instant observedAt = body.observedAt() == null ? now : body.observedAt();
        if (observedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw Invalid.field("observedAt", "lies in the future");
        }
        boolean anonymous = Boolean.TRUE.equals(body.anonymous());
        if (anonymous && user.role() != Role.RESIDENT) {
            throw Invalid.field("anonymous", "only residents report anonymously");
        }
        return IntakeRecord.report(intakeId, channel(user.role()), "mobile-api", observedAt,
                category.code().toString(), where, description, user.id(), anonymous, media);
    }

    private Category category(String code, boolean service) {
        Optional<Category> category;
        try {
            category = catalogue.byCode(code);
        } catch (IllegalArgumentException e) {
            throw Invalid.field("categoryCode", e.getMessage());
        }
        Category c = category.orElseThrow(() -> Invalid.field("categoryCode", "no category " + code));
        if (c.kind() == CategoryKind.SERVICE && !service) {
            throw Invalid.field("categoryCode",
                    code + " is a community service: ask for it with POST /api/v1/service-requests");
        }
        if (c.kind() != CategoryKind.SERVICE && service) {
            throw Invalid.field("categoryCode",
                    code + " is a problem category: report it with POST /api/v1/reports");
        }
        return c;
    }

    private static Channel channel(Role role) {
        return switch (role) {
            case RESIDENT -> Channel.RESIDENT;
            case GRID_WORKER -> Channel.PATROL;
            // the acceptor (or an operator, who holds the post) types in what a caller told the 12345 hotline
            case ACCEPTOR, OPERATOR -> Channel.HOTLINE;
            default -> throw Forbidden.because(role + " does not report problems");
        };
    }

    public List<ReportView> mine(CurrentUser user, int limit, boolean services) {
        return reports.byReporter(user.id(), limit).stream()
                .filter(r -> r.categoryCode().startsWith("S") == services)
                .map(r -> ReportView.of(r, readModel.forIntake(r.intakeId()).orElse(null), List.of()))
                .toList();
    }

    /** One report with its case's timeline; 404 for anybody but its reporter, so ids do not leak. */
    public ReportView one(CurrentUser user, String reportId) {
        ReportRepository.StoredReport r = reports.byId(reportId)
                .filter(s -> s.reporterId().equals(user.id()))
                .orElseThrow(() -> new NotFound("no report " + reportId + " of yours"));
        CaseRow c = readModel.forIntake(reportId).orElse(null);
        List<TimelineEntry> timeline = c == null ? List.of() : readModel.timeline(c.caseId());
        return ReportView.of(r, c, user.role() == Role.RESIDENT ? ResidentView.timeline(timeline, user.id()) : timeline);
    }
}
