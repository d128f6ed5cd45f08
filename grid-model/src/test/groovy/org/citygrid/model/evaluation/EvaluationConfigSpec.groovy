package org.citygrid.model.evaluation

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

class EvaluationConfigSpec extends Specification {

    @TempDir
    Path dir

    def "the shipped configuration weighs every kind's indicators to 100 and grades A to E"() {
        when:
        def config = EvaluationConfig.loadDefault()

        then:
        ObjectKind.values().every { config.weightsOf(it).values().sum() == 100 }
        config.grades()*.grade() == ['A', 'B', 'C', 'D', 'E']
        config.grade(new BigDecimal('89.99')).grade() == 'B'
        config.grade(new BigDecimal('90')).grade() == 'A'
        config.grade(BigDecimal.ZERO).nameZh() == '不合格'
        config.bandScore(EvaluationIndicator.INTAKE_COUNT, 2001).get() == 100
        config.bandScore(EvaluationIndicator.INTAKE_COUNT, 300).get() == 0
    }

    def "a city's own file is checked whole: #problem"() {
        given:
        def text = EvaluationConfig.getResourceAsStream(EvaluationConfig.DEFAULT_RESOURCE).text
        def file = dir.resolve('evaluation.json')
        Files.writeString(file, text.replace(from, to))

        when:
        EvaluationConfig.load(file)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(problem)

        where:
        from                                     | to                                         || problem
        '"HANDLING_RATE": 30'                    | '"HANDLING_RATE": 35'                      || 'weights.DEPARTMENT add up to 105, not 100'
        '"INTAKE_COUNT": 25'                     | '"INTAKE_COUNT": 25, "REWORK_RATE": 0'     || 'weights.ACCEPTOR names REWORK_RATE, an indicator of DEPARTMENT'
        '"grade": "E", "zh": "不合格", "en": "Failing", "from": 0' | '"grade": "E", "zh": "不合格", "en": "Failing", "from": 10' || 'grades must end with a grade from 0'
        '"regionLevel": "STREET"'                | '"regionLevel": "PROVINCE"'                || 'No enum constant'
        '"formatVersion": 1'                     | '"formatVersion": 2'                       || 'formatVersion must be 1'
    }
}
