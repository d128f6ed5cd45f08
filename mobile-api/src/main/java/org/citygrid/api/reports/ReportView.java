package org.citygrid.api.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.citygrid.api.crs.Located;
import org.citygrid.api.readmodel.CaseRow;
import org.citygrid.api.readmodel.TimelineEntry;

/**
 * A report as its reporter follows it. {@code status} is {@code SUBMITTED} until the case cycle has
 * made (or joined) a case and the read model shows it; then it is the case's state. A report the case
 * cycle refused is {@code REJECTED}, with {@code rejection} saying why in Chinese and English. {@code lon},
 * {@code lat}: WGS 84, or the system the client asks for ({@link Located}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReportView(
        String reportId,
        String status,
        String caseId,
        Long caseVersion,
        String categoryCode,
        String description,
        double lon,
        double lat,
        boolean anonymous,
        List<String> photos,
        Instant observedAt,
        Instant submittedAt,
        Integer rating,
        Rejection rejection,
        List<TimelineEntry> timeline) implements Located<ReportView> {

    /** Why the case cycle refused the report: its reason code, and what it means in Chinese and English. */
    public record Rejection(String reason, String zh, String en, Instant at) {
    }

    static ReportView of(ReportRepository.StoredReport r, CaseRow c, List<TimelineEntry> timeline) {
        Rejection rejection = c != null || r.refusal() == null ? null : rejection(r.refusal());
        String status = c != null ? c.state() : rejection != null ? "REJECTED" : "SUBMITTED";
        return new ReportView(r.intakeId(), status, c == null ? null : c.caseId(),
                c == null ? null : c.version(), r.categoryCode(), r.description(), r.lon(), r.lat(), r.anonymous(),
                r.photos(), r.observedAt(), r.createdAt(), c == null ? null : c.rating(), rejection, timeline);
    }

    private static Rejection rejection(ReportRepository.Refusal refusal) {
        RefusalReasons.Text text = RefusalReasons.of(refusal.reason());
        return new Rejection(refusal.reason(), text.zh(), text.en(), refusal.at());
    }

    @Override
    public ReportView at(double lon, double lat) {
        return new ReportView(reportId, status, caseId, caseVersion, categoryCode, description, lon, lat, anonymous,
                photos, observedAt, submittedAt, rating, rejection, timeline);
    }
}
