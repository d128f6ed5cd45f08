package org.citygrid.api.testkit

import org.citygrid.api.cases.CommandRepository
import org.citygrid.api.idempotency.IdempotencyStore
import org.citygrid.api.people.PeopleDirectory
import org.citygrid.api.photos.ImageType
import org.citygrid.api.photos.PhotoStore
import org.citygrid.api.places.Area
import org.citygrid.api.places.Place
import org.citygrid.api.places.PlaceDirectory
import org.citygrid.api.readmodel.CaseReadModel
import org.citygrid.api.readmodel.CaseRow
import org.citygrid.api.readmodel.TimelineEntry
import org.citygrid.api.reports.ReportRepository
import org.citygrid.model.cases.CaseCommand
import org.citygrid.model.cases.CaseEvent
import org.citygrid.model.cases.CommandRejected
import org.citygrid.model.cases.Evidence
import org.citygrid.model.intake.IntakeRecord

import java.time.Instant
import java.util.concurrent.ConcurrentHashMap

/**
 * The store interfaces in memory, for unit specs of the services: the same contracts as the JDBC
 * stores (whose SQL the HTTP specs run against PostGIS), without a database.
 */
class InMemoryStores {

    /** api.idempotency_keys in a map. */
    static class Idempotency implements IdempotencyStore {
        final Map<List<String>, IdempotencyStore.Entry> entries = new ConcurrentHashMap<>()

        @Override
        boolean claim(String owner, String key, String requestHash, Instant now) {
            entries.putIfAbsent([owner, key], new IdempotencyStore.Entry(requestHash, null, null, null, now)) == null
        }

        @Override
        Optional<IdempotencyStore.Entry> find(String owner, String key) {
            Optional.ofNullable(entries[[owner, key]])
        }

        @Override
        void complete(String owner, String key, int status, String location, String responseJson) {
            def e = entries[[owner, key]]
            entries[[owner, key]] = new IdempotencyStore.Entry(e.requestHash(), status, location, responseJson, e.createdAt())
        }

        @Override
        void release(String owner, String key) {
            if (entries[[owner, key]]?.status() == null) {
                entries.remove([owner, key])
            }
        }

        @Override
        int purgeOlderThan(Instant before) {
            def old = entries.findAll { it.value.createdAt().isBefore(before) }.keySet()
            entries.keySet().removeAll(old)
            old.size()
        }
    }

    /** api.commands and api.command_rejections in maps. */
    static class Commands implements CommandRepository {
        final Map<String, CaseCommand> sent = new LinkedHashMap<>()
        final Map<String, CommandRejected> rejected = [:]

        @Override
        void insert(CaseCommand command, Instant now) {
            sent.putIfAbsent(command.commandId(), command)
        }

        @Override
        void delete(String commandId) {
            sent.remove(commandId)
        }

        @Override
        void reject(CommandRejected r) {
            rejected.putIfAbsent(r.commandId(), r)
        }

        @Override
        Optional<CommandRepository.SentCommand> find(String commandId) {
            def c = sent[commandId]
            def r = rejected[commandId]
            c == null ? Optional.empty() : Optional.of(new CommandRepository.SentCommand(c.commandId(), c.caseId(),
                    c.actor().id(), c.action().getClass().simpleName, c.at(), r?.reason()?.name(), r?.message()))
        }
    }

    /** Photos in a map; {@link #add} uploads one as its owner would. */
    static class Photos implements PhotoStore {
        final Map<String, PhotoStore.Photo> photos = [:]

        String add(String ownerId, ImageType type = ImageType.JPEG) {
            def id = UUID.randomUUID().toString()
            photos[id] = new PhotoStore.Photo(id, ownerId, type.mediaType(), new byte[0])
            PhotoStore.REF_PREFIX + id
        }

        @Override
        Evidence store(String ownerId, ImageType type, byte[] content, Instant now) {
            new Evidence(add(ownerId, type), type.mediaType())
        }

        @Override
        Optional<PhotoStore.Photo> find(String ref) {
            ref?.startsWith(PhotoStore.REF_PREFIX) ? Optional.ofNullable(photos[ref.substring(PhotoStore.REF_PREFIX.length())])
                    : Optional.empty()
        }

        @Override
        Optional<Evidence> sameAs(String ownerId, byte[] content) {
            Optional.empty()
        }

        @Override
        long uploadedSince(String ownerId, Instant since) {
            photos.values().count { it.ownerId() == ownerId }
        }

        @Override
        List<String> reportsCarrying(String ownerId, String ref) {
            []
        }
    }

    /** grid.cases as rows put in by the spec; the queries the services use by id. */
    static class ReadModel implements CaseReadModel {
        final Map<String, CaseRow> cases = [:]
        final Map<String, Long> applied = [:]
        final Map<String, List<CaseEvent>> events = [:]

        CaseRow put(Map fields = [:]) {
            CaseRow row = CaseRows.row(fields)
            cases[row.caseId()] = row
            row
        }

        @Override
        Optional<CaseRow> byId(String caseId) { Optional.ofNullable(cases[caseId]) }

        @Override
        Optional<CaseRow> forIntake(String intakeId) { Optional.empty() }

        @Override
        List<TimelineEntry> timeline(String caseId) {
            (events[caseId] ?: []).collect {
                new TimelineEntry(it.version(), it.at(), it.change().class.simpleName, it.actor().id(), it.actor().role().name(), it.actor().department(),
                        it.commandId(), null)
            }
        }

        @Override
        List<CaseEvent> events(String caseId) { events[caseId] ?: [] }

        @Override
        List<CaseRow> withEvidenceFrom(String actorId, String ref) { [] }

        @Override
        List<CaseRow> openForDepartment(String department, int limit) { [] }

        @Override
        List<CaseRow> workerTasks(List<String> gridCodes, List<String> channelsToVerify, int limit) { [] }

        @Override
        List<CaseRow> inStates(List<String> states, int limit) { [] }

        @Override
        List<CaseRow> overdue(Instant now, int limit) { [] }

        @Override
        List<CaseRow> search(List<String> caseIds, List<String> categoryCodes, Instant from, Instant to, Boolean open,
                             int offset, int limit) { [] }

        @Override
        Optional<Long> appliedVersion(String commandId) { Optional.ofNullable(applied[commandId]) }
    }

    /** api.reports in a map. */
    static class Reports implements ReportRepository {
        final Map<String, ReportRepository.StoredReport> reports = new LinkedHashMap<>()

        @Override
        void insert(IntakeRecord r, Instant now) {
            reports.putIfAbsent(r.intakeId(), new ReportRepository.StoredReport(r.intakeId(), r.reporterId(), r.channel(),
                    r.categoryCode(), r.description(), r.position().lon(), r.position().lat(), r.anonymous(),
                    r.media()*.ref(), r.observedAt(), now, null))
        }

        @Override
        boolean refuse(String intakeId, ReportRepository.Refusal refusal) {
            def r = reports[intakeId]
            if (r != null && r.refusal() == null) {
                reports[intakeId] = new ReportRepository.StoredReport(r.intakeId(), r.reporterId(), r.channel(),
                        r.categoryCode(), r.description(), r.lon(), r.lat(), r.anonymous(), r.photos(), r.observedAt(),
                        r.createdAt(), refusal)
            }
            r != null
        }

        @Override
        List<ReportRepository.StoredReport> byReporter(String reporterId, int limit) {
            reports.values().findAll { it.reporterId() == reporterId }.reverse().take(limit)
        }

        @Override
        Optional<ReportRepository.StoredReport> byId(String intakeId) {
            Optional.ofNullable(reports[intakeId])
        }
    }

    /** grid.grids' names in a map, by grid code. */
    static class Places implements PlaceDirectory {
        final Map<String, Place> grids = [:]

        @Override
        Map<String, Place> ofGrids(Collection<String> gridCodes) { grids.subMap(gridCodes) }

        @Override
        List<Area> streets() { grids.values().collect { new Area(it.streetCode(), it.streetNameZh(), it.streetNameEn()) }.unique() }

        @Override
        List<Area> communities() { grids.values().collect { new Area(it.communityCode(), it.communityNameZh(), it.communityNameEn()) }.unique() }
    }

    /** api.accounts' display names in a map; residents are kept apart, as the store never names them. */
    static class People implements PeopleDirectory {
        final Map<String, String> staff = [:]
        final Map<String, String> residents = [:]

        @Override
        Map<String, String> staffNames(Collection<String> accountIds) { staff.subMap(accountIds) }
    }
}
