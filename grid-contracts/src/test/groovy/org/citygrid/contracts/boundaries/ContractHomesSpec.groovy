package org.citygrid.contracts.boundaries

import java.nio.file.Files
import java.nio.file.Path
import org.citygrid.contracts.topics.TopicCatalogue
import spock.lang.Shared
import spock.lang.Specification

/**
 * Each contract in one home, checked over the whole tree's sources (it runs after every module
 * compiled, and reads files only): a topic's name is written in the catalogue and nowhere else in
 * main code, and no module's build reaches into another module's sources.
 */
class ContractHomesSpec extends Specification {

    static final Path ROOT = Path.of('..').toAbsolutePath().normalize()
    static final String CATALOGUE = 'grid-contracts/src/main/java/org/citygrid/contracts/topics/TopicCatalogue.java'

    @Shared
    Set<String> topicNames = TopicCatalogue.all()*.name() as Set

    @Shared
    Map<String, List<String>> topicLiterals = scan()

    Map<String, List<String>> scan() {
        Map<String, List<String>> out = [:]
        mainJavaSources().each { file ->
            def literals = JavaStringLiterals.of(Files.readString(file)).findAll { it in topicNames }
            if (literals) {
                out[ROOT.relativize(file).toString()] = literals
            }
        }
        out
    }

    static List<Path> mainJavaSources() {
        Files.list(ROOT).withCloseable { modules ->
            modules.filter { Files.isDirectory(it.resolve('src/main')) }.toList()
        }.collectMany { module ->
            Files.walk(module.resolve('src/main')).withCloseable { files ->
                files.filter { it.toString().endsWith('.java') }.toList()
            }
        }
    }

    def "the scan reads every module's main sources, and finds each name once in the catalogue"() {
        expect:
        mainJavaSources().collect { ROOT.relativize(it).getName(0).toString() }.toSet()
                .containsAll(['grid-model', 'grid-contracts', 'edge-node', 'cloud-backend', 'mobile-api', 'demo'])
        topicLiterals[CATALOGUE].sort() == topicNames.sort()
    }

    def "no main source file but the catalogue writes a topic's name as a string literal"() {
        given:
        def elsewhere = topicLiterals.findAll { file, literals -> file != CATALOGUE }

        expect:
        elsewhere == [:]
    }

    def "no module's pom reaches into another module's sources"() {
        given:
        def poms = Files.list(ROOT).withCloseable { it.filter { Files.isRegularFile(it.resolve('pom.xml')) }.toList() }
                .collect { it.resolve('pom.xml') } + [ROOT.resolve('pom.xml')]

        expect:
        poms.size() > 6
        poms.findAll { Files.readString(it) =~ /\.\.\/[^<\s]*\/?src\b/ }.collect { ROOT.relativize(it).toString() } == []
    }
}
