package org.citygrid.model.architecture

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices

import com.tngtech.archunit.base.DescribedPredicate
import com.tngtech.archunit.core.domain.JavaClass
import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import com.tngtech.archunit.lang.ArchRule
import spock.lang.Shared
import spock.lang.Specification

/**
 * grid-model is the domain in plain Java: it imports no framework, Jackson only where the wire
 * formats are, and its packages do not depend on each other in a circle. Each rule is also run on
 * a small fixture that breaks it (architecture/fixture in the test sources), so a rule that could
 * never fail would show here.
 */
class GridModelArchitectureSpec extends Specification {

    static final String MODEL = 'org.citygrid.model'

    /** What the domain must not know: services, messaging, persistence, protocols, logging. */
    static final List<String> FRAMEWORKS = [
            'io.micronaut..', 'jakarta..', 'javax.inject..', 'org.springframework..',
            'org.apache.kafka..', 'java.sql..', 'javax.sql..', 'org.postgresql..', 'org.flywaydb..',
            'org.eclipse.californium..', 'io.netty..', 'reactor..', 'org.slf4j..', 'ch.qos.logback..',
            'com.google.firebase..', 'groovy..', 'org.apache.groovy..']

    /**
     * Readers of the files a feature loads its defaults from (the category catalogue, holiday data,
     * grid GeoJSON). They parse JSON with Jackson but annotate nothing; they stay beside the domain
     * they build because CategoryCatalogue.loadDefault() and WorkingCalendar.chinaDefault() load
     * through them, and moving them into wire would make wire and those packages depend on each other.
     */
    static final List<String> FILE_READERS = [
            'org.citygrid.model.category.CatalogueJson',
            'org.citygrid.model.grid.GridGeoJson',
            'org.citygrid.model.inventory.ComponentGeoJson',
            'org.citygrid.model.evaluation.EvaluationConfigJson',
            'org.citygrid.model.worktime.HolidayDataFiles']

    @Shared
    JavaClasses model = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(MODEL)

    @Shared
    JavaClasses fixtures = new ClassFileImporter().importPackages("${MODEL}.architecture.fixture")

    static ArchRule frameworkFree(String root) {
        noClasses().that().resideInAPackage(root + '..')
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS as String[])
                .because('the domain runs the same in every module and in a plain unit test')
    }

    static ArchRule jacksonOnlyInWire(String root, List<String> readers) {
        noClasses().that().resideInAPackage(root + '..')
                .and().resideOutsideOfPackage(root + '.wire..')
                .and(DescribedPredicate.not(named(readers)))
                .should().dependOnClassesThat().resideInAPackage('com.fasterxml.jackson..')
                .because('how a domain type looks in JSON is said in the wire package (WireJson, WireMixIns)')
    }

    static ArchRule noCycles(String root) {
        slices().matching(root + '.(*)..').should().beFreeOfCycles()
    }

    def "grid-model depends on no framework"() {
        expect:
        violations(frameworkFree(MODEL), model) == []
    }

    def "grid-model uses Jackson only in the wire package and its file readers"() {
        expect:
        violations(jacksonOnlyInWire(MODEL, FILE_READERS), model) == []
    }

    def "grid-model's packages form no cycle"() {
        expect:
        violations(noCycles(MODEL), model) == []
    }

    def "the framework rule reports JDBC in a domain class"() {
        when:
        def result = frameworkFree("${MODEL}.architecture.fixture").evaluate(fixtures)

        then:
        result.hasViolation()
        result.failureReport.details.any { it.contains('UsesJdbc') && it.contains('java.sql.Connection') }
        result.failureReport.details.every { it.contains('UsesJdbc') }
    }

    def "the Jackson rule reports an annotation on a type outside the wire package"() {
        when:
        def result = jacksonOnlyInWire("${MODEL}.architecture.fixture", []).evaluate(fixtures)

        then:
        result.hasViolation()
        result.failureReport.details.any { it.contains('AnnotatedValue') && it.contains('JsonValue') }
        result.failureReport.details.every { it.contains('AnnotatedValue') }
    }

    def "the cycle rule reports two packages that use each other"() {
        when:
        def result = noCycles("${MODEL}.architecture.fixture").evaluate(fixtures)

        then:
        result.hasViolation()
        result.failureReport.details.any { it.contains('alpha') && it.contains('beta') }
    }

    private static List<String> violations(ArchRule rule, JavaClasses classes) {
        rule.evaluate(classes).failureReport.details
    }

    private static DescribedPredicate<JavaClass> named(List<String> names) {
        DescribedPredicate.describe('a file reader ' + names, { JavaClass c ->
            names.any { c.fullName == it || c.fullName.startsWith(it + '$') }
        })
    }
}
