package org.citygrid.cloud.duplicates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.citygrid.model.geo.GeoPoint;

/**
 * What duplicate matching needs to know of one open case: kept per community in the
 * {@code open-cases} store, so matching never reads whole case histories.
 *
 * @param caseId       the case
 * @param categoryCode its category
 * @param position     its first report's position
 * @param lastReportAt when the latest report of it (first or merged) was observed; the time
 *                     window is counted from here, so a problem that keeps being reported keeps
 *                     collecting its reports
 * @param episodes     the sensor alarm episodes behind it
 */
public record OpenCase(String caseId, String categoryCode, GeoPoint position, Instant lastReportAt,
                       List<Episode> episodes) {

    /** One sensor alarm episode: which device, which episode. */
    public record Episode(String deviceId, String episodeId) {
    }

    public OpenCase {
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
    }

    public OpenCase reportedAgain(Instant observedAt) {
        Instant latest = observedAt.isAfter(lastReportAt) ? observedAt : lastReportAt;
        return new OpenCase(caseId, categoryCode, position, latest, episodes);
    }

    public OpenCase withEpisode(Episode episode) {
        if (episodes.contains(episode)) {
            return this;
        }
        List<Episode> more = new ArrayList<>(episodes);
        more.add(episode);
        return new OpenCase(caseId, categoryCode, position, lastReportAt, more);
    }

    public boolean hasEpisode(String episodeId) {
        return episodes.stream().anyMatch(e -> e.episodeId().equals(episodeId));
    }

    /** Whether the case holds an episode of this device other than {@code episodeId}. */
    public boolean hasOtherEpisodeOf(String deviceId, String episodeId) {
        return episodes.stream().anyMatch(e -> e.deviceId().equals(deviceId) && !e.episodeId().equals(episodeId));
    }
}
