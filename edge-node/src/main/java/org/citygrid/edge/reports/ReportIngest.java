package org.citygrid.edge.reports;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citygrid.edge.config.EdgeConfig;
import org.citygrid.edge.devices.Device;
import org.citygrid.edge.ingest.Rejected;
import org.citygrid.edge.metrics.EdgeMetrics;
import org.citygrid.edge.metrics.RejectReason;
import org.citygrid.edge.outbox.Outbox;
import org.citygrid.edge.outbox.OutboxFullException;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.cases.Evidence;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.intake.IntakeRecord;
import org.citygrid.model.text.TextRules;
import org.citygrid.model.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a patrol report, stores its photo and makes its intake record durable. The intake id is
 * {@code <node>:<device>:r:<report id>}: a retry of the same report is answered as the first was,
 * without a second record; and should the edge have forgotten it, downstream dedup by id still
 * recognises it.
 */
public final class ReportIngest {

    private static final Logger LOG = LoggerFactory.getLogger(ReportIngest.class);
    private static final int REMEMBERED = 100_000;

    private final String nodeId;
    private final EdgeConfig.Neighbourhood neighbourhood;
    private final Outbox outbox;
    private final MediaStore media;
    private final EdgeMetrics metrics;
    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    public ReportIngest(String nodeId, EdgeConfig.Neighbourhood neighbourhood, Outbox outbox, MediaStore media,
                        EdgeMetrics metrics) {
        this.nodeId = nodeId;
        this.neighbourhood = neighbourhood;
        this.outbox = outbox;
        this.media = media;
        this.metrics = metrics;
        outbox.scan(r -> {
            if (r.key().contains(":r:")) {
                seen.put(r.key(), Boolean.TRUE);
            }
        });
    }

    /** What happened to a report. */
    public record Outcome(String intakeId, boolean duplicate) {
    }

    public static String intakeId(String nodeId, String deviceId, String reportId) {
        return nodeId + ":" + deviceId + ":r:" + reportId;
    }

    /**
     * Checks the report, then files it once.
     *
     * @throws Rejected for a report the device must fix: a missing or invalid id, category or
     *                  position, text or ids that break the shared text rules (see
     *                  {@link TextRules}), a reporter the registry does not link to the device, a
     *                  photo that is neither JPEG nor PNG
     */
    public Outcome ingest(Device device, PatrolReport report, Instant now) throws Rejected, OutboxFullException {
        if (report.id() == null) {
            throw new Rejected(RejectReason.MALFORMED, "a report needs an id of 1 to 64 letters, digits, '.', '_' or '-'");
        }
        Rejected.unlessValid(TextRules.reportId(), report.id());
        if (report.category() == null || !report.category().matches("[CE]\\d{4}")) {
            throw new Rejected(RejectReason.MALFORMED, "category must be a catalogue code with its kind, e.g. C0101 or E0401");
        }
        GeoPoint at = report.position();
        if (at == null) {
            throw new Rejected(RejectReason.MALFORMED, "a report needs a position {lon, lat} (WGS 84)");
        }
        double metres = distanceMetres(neighbourhood.centre(), at);
        if (metres > neighbourhood.radiusMetres()) {
            throw new Rejected(RejectReason.OUTSIDE_NEIGHBOURHOOD, String.format(java.util.Locale.ROOT,
                    "position %.6f, %.6f is %.0f m from the centre of neighbourhood %s (at most %.0f m)",
                    at.lon(), at.lat(), metres, neighbourhood.id(), neighbourhood.radiusMetres()));
        }
        String text = Rejected.unlessValid(TextRules.description().named("text"), report.text());
        String reporter = reporter(device, report.reporter());
        String mediaType = null;
        if (report.photo() != null && report.photo().length > 0) {
            mediaType = MediaStore.sniff(report.photo()).orElseThrow(
                    () -> new Rejected(RejectReason.BAD_PHOTO, "the photo is neither JPEG nor PNG"));
        }
        String intakeId = intakeId(nodeId, device.id(), report.id());
        synchronized (seen) {
            if (seen.containsKey(intakeId)) {
                metrics.duplicateReport();
                return new Outcome(intakeId, true);
            }
            List<Evidence> evidence = List.of();
            MediaStore.Stored photo = null;
            if (mediaType != null) {
                if (outbox.diskBytes() + media.bytes() + report.photo().length > outbox.budgetBytes()) {
                    throw new OutboxFullException("no room for the photo within the disk budget; retry in "
                            + outbox.retryAfterSeconds() + " s", outbox.retryAfterSeconds());
                }
                photo = media.store(report.photo(), mediaType);
                evidence = List.of(new Evidence(photo.ref(), mediaType));
            }
            IntakeRecord record = IntakeRecord.report(intakeId, Channel.PATROL, nodeId,
                    report.observedAt() == null ? now : report.observedAt(), report.category(), at, text,
                    reporter, Boolean.TRUE.equals(report.anonymous()), evidence);
            try {
                outbox.append(List.of(new Outbox.Entry(intakeId, WireCodec.intake().write(record))));
            } catch (OutboxFullException | RuntimeException e) {
                // the photo went in first so no record could point at a missing one; without the
                // record nothing points at the photo, and it would only use up the budget
                if (photo != null) {
                    media.discard(photo);
                }
                throw e;
            }
            seen.put(intakeId, Boolean.TRUE);
        }
        metrics.reportAccepted();
        LOG.atInfo().addKeyValue("event", "report-accepted").addKeyValue("device", device.id())
                .addKeyValue("intakeId", intakeId).addKeyValue("photo", mediaType != null).log("patrol report accepted");
        return new Outcome(intakeId, false);
    }

    /**
     * Whom the report is filed under: the device itself when it names nobody, else the worker it
     * names, who must be linked to this device in the registry. Without that link any device could
     * file reports in any worker's name.
     */
    private static String reporter(Device device, String named) throws Rejected {
        if (named == null || named.isEmpty()) {
            return device.id();
        }
        Rejected.unlessValid(TextRules.reporterId(), named);
        if (!device.mayReportFor(named)) {
            throw new Rejected(RejectReason.UNLINKED_REPORTER, "reporter " + named + " is not a worker linked to device "
                    + device.id() + " in the device registry: leave reporter out, or ask the operator to add "
                    + named + " to the device's workers");
        }
        return named;
    }

    /** Great-circle distance (haversine, mean Earth radius): ample for "is this our neighbourhood". */
    static double distanceMetres(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
