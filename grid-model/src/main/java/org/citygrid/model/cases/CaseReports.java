package org.citygrid.model.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What was reported into a case and who follows it: the first report, the duplicates merged into
 * it later, the reporters who are told when it changes, and the sensor alarm episodes behind it
 * that have ended. Immutable; {@link Case#apply} moves it on.
 *
 * <p>Bounded, so a case that hundreds of reports join stays a small record: every report stays in
 * the case's events (the audit trail in {@code grid.case-events}), but the case itself keeps
 * <ul>
 *   <li>the first report, the number of duplicates and the last {@value #RECENT_DUPLICATES} of them
 *       with their source ids. A duplicate's source id is recognised again (and a resent report
 *       refused) while its report is among those; an older one would be merged a second time,
 *       which counts it twice and changes nothing else;</li>
 *   <li>the first {@value #MAX_FOLLOWERS} reporters as followers. A reporter who joins a case that
 *       already has that many is not added: the report counts, but its reporter is not told of the
 *       case's changes and cannot rate it;</li>
 *   <li>the last {@value #MAX_CLEARED_EPISODES} ended alarm episodes. A clear of an older episode
 *       is no longer recognised as a repeat; it would be recorded again.</li>
 * </ul>
 */
public final class CaseReports {

    /** How many of the latest duplicates the case keeps whole, with their source ids. */
    public static final int RECENT_DUPLICATES = 5;
    /** How many reporters follow a case at most; later reporters are not added. */
    public static final int MAX_FOLLOWERS = 100;
    /** How many ended alarm episodes the case remembers; the oldest is forgotten first. */
    public static final int MAX_CLEARED_EPISODES = 20;

    private final ReportDetails first;
    private final int duplicateCount;
    private final List<ReportDetails> recentDuplicates;
    private final Set<String> followers;
    private final Set<String> devices;
    private final boolean sensorAlarm;
    private final Set<String> clearedEpisodes;

    /**
     * @param first            the report that opened the case
     * @param duplicateCount   how many reports were merged into it after the first
     * @param recentDuplicates the last of them, oldest first, at most {@value #RECENT_DUPLICATES}
     * @param followers        reporters told of changes, in the order they reported, at most {@value #MAX_FOLLOWERS}
     * @param devices          the followers that are devices: they reported through {@link Channel#SENSOR}
     * @param sensorAlarm      whether a sensor's alarm opened or joined the case
     * @param clearedEpisodes  ended alarm episodes, oldest first, at most {@value #MAX_CLEARED_EPISODES}
     * @throws IllegalArgumentException when a bound is exceeded or the parts disagree
     */
    public CaseReports(ReportDetails first, int duplicateCount, List<ReportDetails> recentDuplicates,
                       Set<String> followers, Set<String> devices, boolean sensorAlarm, Set<String> clearedEpisodes) {
        this.first = Objects.requireNonNull(first, "first");
        this.duplicateCount = duplicateCount;
        this.recentDuplicates = List.copyOf(recentDuplicates);
        this.followers = Collections.unmodifiableSet(new LinkedHashSet<>(followers));
        this.devices = Collections.unmodifiableSet(new LinkedHashSet<>(devices));
        this.sensorAlarm = sensorAlarm;
        this.clearedEpisodes = Collections.unmodifiableSet(new LinkedHashSet<>(clearedEpisodes));
        if (duplicateCount < this.recentDuplicates.size()) {
            throw new IllegalArgumentException(duplicateCount + " duplicates cannot include "
                    + this.recentDuplicates.size() + " recent ones");
        }
        bound(this.recentDuplicates.size(), RECENT_DUPLICATES, "recent duplicates");
        bound(this.followers.size(), MAX_FOLLOWERS, "followers");
        bound(this.clearedEpisodes.size(), MAX_CLEARED_EPISODES, "cleared episodes");
        if (!this.followers.containsAll(this.devices)) {
            throw new IllegalArgumentException("devices " + this.devices + " must be among the followers " + this.followers);
        }
    }

    /** The reports of a case that {@code first} opens: its reporter is the first follower. */
    public static CaseReports opening(ReportDetails first) {
        boolean sensor = first.channel() == Channel.SENSOR;
        return new CaseReports(first, 0, List.of(), Set.of(first.reporterId()),
                sensor ? Set.of(first.reporterId()) : Set.of(), sensor, Set.of());
    }

    /** The report that opened the case. */
    public ReportDetails first() {
        return first;
    }

    /** How many reports were merged into the case after the first, however many the case keeps. */
    public int duplicateCount() {
        return duplicateCount;
    }

    /** The last duplicates merged in, oldest first: at most {@value #RECENT_DUPLICATES}. */
    public List<ReportDetails> recentDuplicates() {
        return recentDuplicates;
    }

    /** The reporters told when the case changes, people and devices, in the order they reported. */
    public Set<String> followers() {
        return followers;
    }

    /** The followers that are devices (sensor reporters): they have no one to tell. */
    public Set<String> devices() {
        return devices;
    }

    /** The followers that are people: the ones a change of the case is pushed to. */
    public Set<String> people() {
        Set<String> people = new LinkedHashSet<>(followers);
        people.removeAll(devices);
        return Collections.unmodifiableSet(people);
    }

    /** Whether a sensor's alarm opened or joined the case, so a clear of an alarm applies to it. */
    public boolean sensorAlarm() {
        return sensorAlarm;
    }

    /** The alarm episodes behind the case that have ended, oldest first. */
    public Set<String> clearedEpisodes() {
        return clearedEpisodes;
    }

    /** Whether the case holds the report with this source id: the first, or one of the recent duplicates. */
    public boolean holds(String sourceId) {
        return Stream.concat(Stream.of(first), recentDuplicates.stream()).anyMatch(r -> r.sourceId().equals(sourceId));
    }

    /** The reports with {@code duplicate} merged in; its reporter follows unless the followers are full. */
    CaseReports merged(ReportDetails duplicate) {
        List<ReportDetails> recent = new ArrayList<>(recentDuplicates);
        recent.add(duplicate);
        Set<String> moreFollowers = new LinkedHashSet<>(followers);
        Set<String> moreDevices = new LinkedHashSet<>(devices);
        boolean sensor = duplicate.channel() == Channel.SENSOR;
        if (moreFollowers.size() < MAX_FOLLOWERS && moreFollowers.add(duplicate.reporterId()) && sensor) {
            moreDevices.add(duplicate.reporterId());
        }
        return new CaseReports(first, duplicateCount + 1, latest(recent, RECENT_DUPLICATES), moreFollowers, moreDevices,
                sensorAlarm || sensor, clearedEpisodes);
    }

    /** The reports with the first report replaced by its correction (category, position, component). */
    CaseReports corrected(ReportDetails correctedFirst) {
        return new CaseReports(correctedFirst, duplicateCount, recentDuplicates, followers, devices, sensorAlarm, clearedEpisodes);
    }

    /** The reports with {@code episodeId} ended; the oldest remembered episode goes at the bound. */
    CaseReports cleared(String episodeId) {
        List<String> episodes = new ArrayList<>(clearedEpisodes);
        episodes.remove(episodeId);
        episodes.add(episodeId);
        return new CaseReports(first, duplicateCount, recentDuplicates, followers, devices, sensorAlarm,
                new LinkedHashSet<>(latest(episodes, MAX_CLEARED_EPISODES)));
    }

    private static <T> List<T> latest(List<T> items, int bound) {
        return items.size() <= bound ? items : items.subList(items.size() - bound, items.size());
    }

    private static void bound(int size, int max, String what) {
        if (size > max) {
            throw new IllegalArgumentException("a case keeps at most " + max + " " + what + ", not " + size);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaseReports r && r.first.equals(first) && r.duplicateCount == duplicateCount
                && r.recentDuplicates.equals(recentDuplicates) && List.copyOf(r.followers).equals(List.copyOf(followers))
                && r.devices.equals(devices) && r.sensorAlarm == sensorAlarm
                && List.copyOf(r.clearedEpisodes).equals(List.copyOf(clearedEpisodes));
    }

    @Override
    public int hashCode() {
        return Objects.hash(first, duplicateCount, recentDuplicates, followers, devices, sensorAlarm, clearedEpisodes);
    }

    @Override
    public String toString() {
        return "CaseReports[" + first.sourceId() + " + " + duplicateCount + " duplicates, " + followers.size()
                + " followers, " + clearedEpisodes.size() + " cleared episodes]";
    }
}
