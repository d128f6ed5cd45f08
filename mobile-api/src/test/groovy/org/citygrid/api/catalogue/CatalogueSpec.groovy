package org.citygrid.api.catalogue

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.citygrid.api.testkit.ApiSpec
import org.citygrid.api.testkit.ReadModelFixture
import org.citygrid.model.category.CategoryCatalogue

/**
 * The categories and departments with their names, in the language the client prefers, and the
 * territorial offices named after the streets of the grid register.
 */
@MicronautTest
class CatalogueSpec extends ApiSpec {

    def setupSpec() {
        ReadModelFixture.insertGrid('110198001001001', 116.95, 40.35, 116.96, 40.36, '柳荫网格', '柳荫街道')
    }

    List<Map> read(String path, String acceptLanguage) {
        def request = HttpRequest.GET(path)
        if (acceptLanguage) {
            request.header('Accept-Language', acceptLanguage)
        }
        exchange(request).body() as List<Map>
    }

    def "categories are named in #language for Accept-Language '#header'"() {
        when:
        def response = exchange(HttpRequest.GET('/api/v1/categories').with { header ? it.header('Accept-Language', header) : it })
        def byCode = (response.body() as List<Map>).collectEntries { [(it.code): it] }

        then: 'every category of the catalogue, each with its name, class, criteria, keywords, icon and department'
        response.status.code == 200
        response.header('Content-Language') == tag
        byCode.size() == CategoryCatalogue.loadDefault().categories().size()
        byCode.C0101.name == name
        byCode.C0101.majorClass == 'C01'
        byCode.C0101.majorClassName == major
        byCode.C0101.departmentName == department
        byCode.C0101.filingCriteria.startsWith(criteria)
        byCode.C0101.keywords.contains('井盖')
        byCode.C0101.icon == '/console/icons/C01.svg'
        byCode.values().every { it.name && it.filingCriteria && it.icon && it.departmentName }

        where:
        language  | header                   || tag     | name                         | major              | department      | criteria
        'Chinese' | null                     || 'zh-CN' | '上水井盖'                   | '公用设施'         | '自来水'        | '井盖缺失'
        'Chinese' | 'zh-CN,zh;q=0.9,en;q=0.8' || 'zh-CN' | '上水井盖'                   | '公用设施'         | '自来水'        | '井盖缺失'
        'English' | 'en-US,en;q=0.9'         || 'en'    | 'Water-supply manhole cover' | 'Public facilities' | 'Water supply' | 'Cover missing'
        'Chinese' | 'fr-FR'                  || 'zh-CN' | '上水井盖'                   | '公用设施'         | '自来水'        | '井盖缺失'
    }

    def "every major class's icon is served"() {
        when:
        def icons = read('/api/v1/categories', null)*.icon.unique()
        def answers = icons.collect { exchange(HttpRequest.GET(it)) }

        then:
        icons.size() == CategoryCatalogue.loadDefault().majorClasses().size()
        answers.every { it.status.code == 200 && it.contentType.startsWith('image/svg+xml') }
    }

    def "departments are named, and each street of the register has its street office"() {
        when:
        def zh = read('/api/v1/departments', 'zh-CN').collectEntries { [(it.code): it] }
        def en = read('/api/v1/departments', 'en').collectEntries { [(it.code): it] }

        then:
        zh.DRAINAGE.name == '排水'
        en.DRAINAGE.name == 'Drainage'
        zh.DRAINAGE.level == 'NONE'
        zh['STREET_OFFICE:110198001'].name == '柳荫街道办事处'
        zh['STREET_OFFICE:110198001'].kind == 'STREET_OFFICE'
        zh['STREET_OFFICE:110198001'].area == '110198001'
        en['STREET_OFFICE:110198001'].name == 'Donghuamen street office'
        zh['COMMUNITY_COMMITTEE:110198001001'].name.endsWith('居委会')
        !zh.containsKey('STREET_OFFICE')
    }
}
