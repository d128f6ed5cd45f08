package org.citygrid.api.photos

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.model.cases.Role
import spock.lang.Shared

/**
 * Who may fetch a photo, against the real read model: its uploader, and whoever may see a case that
 * carries it (the case endpoints' scope); anyone else gets the 404 of a photo that does not exist.
 * The spec plays the case cycle's part: the case row and the events that carry the photos.
 */
@MicronautTest
class PhotoAccessSpec extends ApiSpec {

    static final String GRID = '110101001001061'
    static final String OTHER_GRID = '110101001001062'
    static final Map POSITION = [lon: 116.40325, lat: 39.91449]

    @Shared
    Map<String, TestUser> people = [:]
    @Shared
    Map<String, String> photos = [:]

    def setup() {
        if (!people.isEmpty()) {
            return
        }
        people.reporter = user(Role.RESIDENT)
        people.duplicateReporter = user(Role.RESIDENT)
        people.otherResident = user(Role.RESIDENT)
        people.workerOfTheGrid = user(Role.GRID_WORKER, [grids: [GRID]])
        people.workerOfAnotherGrid = user(Role.GRID_WORKER, [grids: [OTHER_GRID]])
        people.handlerOfTheDepartment = user(Role.HANDLER, [department: 'DRAINAGE'])
        people.colleagueOfTheHandler = user(Role.HANDLER, [department: 'DRAINAGE'])
        people.handlerOfAnotherDepartment = user(Role.HANDLER, [department: 'ROADS'])
        people.operator = user(Role.OPERATOR)
        people.admin = user(Role.ADMIN)

        // a resident's report with a photo becomes a case dispatched to DRAINAGE in GRID
        photos.report = photo(people.reporter)
        String intake = post(people.reporter, '/api/v1/reports', [categoryCode: 'C0101', position: POSITION,
                                                                  photos: [photos.report]]).body().id
        String caseId = ReadModelFixture.insertCase(state: 'HANDLED', department: 'DRAINAGE', gridCode: GRID,
                reporterId: people.reporter.id, followers: [people.reporter.id, people.duplicateReporter.id]).caseId
        ReadModelFixture.insertEvent(caseId, 1, 'Reported', "intake:${intake}")
        // a second resident's report of the same problem, merged into it by the case cycle
        photos.duplicate = photo(people.duplicateReporter)
        String duplicate = post(people.duplicateReporter, '/api/v1/reports', [categoryCode: 'C0101', position: POSITION,
                                                                              photos: [photos.duplicate]]).body().id
        ReadModelFixture.insertEvent(caseId, 2, 'DuplicateMerged', "intake:${duplicate}")
        // the handler's evidence that it is fixed
        photos.evidence = photo(people.handlerOfTheDepartment)
        ReadModelFixture.insertEvent(caseId, 3, 'Handled', 'cmd-photo-access-handled',
                [note: 'new cover', evidence: [[ref: photos.evidence, mediaType: 'image/jpeg']]],
                people.handlerOfTheDepartment.id, 'HANDLER')
        // uploaded and never sent with anything
        photos.unsent = photo(people.reporter)
    }

    int status(String who, String photo) {
        get(people[who], "/api/v1/photos/${photos[photo].substring('photo/'.length())}").status.code
    }

    def "the report's photo is shown to #who: #expected"() {
        expect:
        status(who, 'report') == expected

        where:
        who                          || expected
        'reporter'                   || 200
        'duplicateReporter'          || 200
        'otherResident'              || 404
        'workerOfTheGrid'            || 200
        'workerOfAnotherGrid'        || 404
        'handlerOfTheDepartment'     || 200
        'handlerOfAnotherDepartment' || 404
        'operator'                   || 200
        'admin'                      || 200
    }

    def "a merged duplicate's photo is on the case it joined, for #who: #expected"() {
        expect:
        status(who, 'duplicate') == expected

        where:
        who                          || expected
        'duplicateReporter'          || 200
        'reporter'                   || 200
        'workerOfTheGrid'            || 200
        'workerOfAnotherGrid'        || 404
        'handlerOfAnotherDepartment' || 404
        'otherResident'              || 404
    }

    def "a handler's evidence is shown to #who: #expected"() {
        expect:
        status(who, 'evidence') == expected

        where:
        who                          || expected
        'handlerOfTheDepartment'     || 200
        'colleagueOfTheHandler'      || 200
        'reporter'                   || 200
        'workerOfTheGrid'            || 200
        'operator'                   || 200
        'workerOfAnotherGrid'        || 404
        'handlerOfAnotherDepartment' || 404
        'otherResident'              || 404
    }

    def "a photo on no case is its uploader's alone: #who gets #expected"() {
        expect:
        status(who, 'unsent') == expected

        where:
        who                      || expected
        'reporter'               || 200
        'operator'               || 404
        'admin'                  || 404
        'workerOfTheGrid'        || 404
        'handlerOfTheDepartment' || 404
    }

    def "a photo out of scope is answered exactly like a photo that does not exist"() {
        when:
        def outOfScope = get(people.otherResident, "/api/v1/photos/${photos.report.substring('photo/'.length())}")
        def missing = get(people.otherResident, "/api/v1/photos/${UUID.randomUUID()}")

        then:
        outOfScope.status.code == 404
        outOfScope.contentType == missing.contentType
        outOfScope.body().type == missing.body().type
        outOfScope.body().title == missing.body().title
    }
}
