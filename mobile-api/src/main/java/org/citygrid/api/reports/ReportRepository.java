package org.citygrid.api.reports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.intake.IntakeRecord;

/** What this API handed to grid.intake, per reporter (api.reports). */
public interface ReportRepository {

    /** Records a published report; one recorded before stays as it was. */
    void insert(IntakeRecord r, Instant now);

    /** The reporter's reports, newest first. */
    List<StoredReport> byReporter(String reporterId, int limit);

    Optional<StoredReport> byId(String intakeId);

    /**
     * Records that the case cycle refused the report; a refusal recorded before stays as it was.
     *
     * @return false when there is no such report (a record from an edge node or another API)
     */
    boolean refuse(String intakeId, Refusal refusal);

    /** A report as handed to the case cycle; {@code refusal} is null unless the case cycle refused it. */
    record StoredReport(String intakeId, String reporterId, Channel channel, String categoryCode, String description,
                        double lon, double lat, boolean anonymous, List<String> photos, Instant observedAt,
                        Instant createdAt, Refusal refusal) {
    }

    /** The case cycle's refusal of a report (grid.intake-rejections): its reason code, its words for staff, when. */
    record Refusal(String reason, String message, Instant at) {
    }
}
