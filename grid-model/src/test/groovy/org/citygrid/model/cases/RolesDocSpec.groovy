package org.citygrid.model.cases

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification

/** The table of docs/roles.md is the table of CommandRoles: same actions, same order, same posts. */
class RolesDocSpec extends Specification {

    static List<List<String>> documentedRows() {
        def doc = Files.readString(Path.of('..', 'docs', 'roles.md'))
        def table = doc.substring(doc.indexOf('<!-- roles-table:start -->'), doc.indexOf('<!-- roles-table:end -->'))
        table.readLines().findAll { it.startsWith('| `') }.collect { line ->
            def cells = line.split(/\|/)*.trim().findAll { it }
            [cells[0].replace('`', ''), cells[2]]
        }
    }

    def "docs/roles.md lists every action once, in the order of the table in the code"() {
        expect:
        documentedRows()*.get(0) == CommandRoles.actions()*.simpleName
    }

    def "docs/roles.md gives #action the posts the code gives it"() {
        expect:
        posts == CommandRoles.posts(CommandRoles.actions().find { it.simpleName == action })*.name().join(', ')

        where:
        [action, posts] << documentedRows()
    }
}
