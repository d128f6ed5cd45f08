package org.citygrid.api.kafka

import org.citygrid.contracts.topics.TopicCatalogue
import spock.lang.Specification

/** mobile-api's topic names come from grid-contracts' catalogue only: none is written in its settings. */
class GridTopicsSpec extends Specification {

    def "application.yml names no topic: the catalogue does"() {
        given:
        def yml = getClass().getResource('/application.yml').text

        expect:
        TopicCatalogue.all()*.name().findAll { yml.contains(it) } == []
    }

    def "every topic is the catalogue's name behind the deployment's prefix, and one may still be renamed"() {
        given:
        def topics = new GridTopics()
        topics.prefix = prefix
        topics.commandRejections = renamed

        expect:
        [topics.intake, topics.commands, topics.commandRejections, topics.intakeRejections, topics.deadLetters,
         topics.caseEvents, topics.notifications] == names

        where:
        prefix     | renamed       || names
        ''         | null          || ['grid.intake', 'grid.commands', 'grid.command-rejections', 'grid.intake-rejections',
                                       'grid.dead-letters', 'grid.case-events', 'grid.notifications']
        'staging.' | null          || ['staging.grid.intake', 'staging.grid.commands', 'staging.grid.command-rejections',
                                       'staging.grid.intake-rejections', 'staging.grid.dead-letters',
                                       'staging.grid.case-events', 'staging.grid.notifications']
        'staging.' | 'old.refused' || ['staging.grid.intake', 'staging.grid.commands', 'old.refused',
                                       'staging.grid.intake-rejections', 'staging.grid.dead-letters',
                                       'staging.grid.case-events', 'staging.grid.notifications']
    }
}
