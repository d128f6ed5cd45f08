package org.citygrid.api.testkit

import io.micronaut.context.annotation.Requires
import io.micronaut.core.annotation.Nullable
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Get
import io.micronaut.http.annotation.Header
import io.micronaut.security.annotation.Secured
import io.micronaut.security.rules.SecurityRule
import org.citygrid.model.category.CategoryCatalogue

/**
 * Interim, for the phone app's specs only: {@code GET /api/v1/categories} and {@code /api/v1/departments} in
 * the shape the desk's catalogue endpoints answer (branch desk, CatalogueController: code, kind, majorClass,
 * majorClassName, name, filingCriteria, keywords, department, departmentName; code, name, kind, level, area),
 * until those endpoints are in main. It steps aside by itself once they are, and is then deleted.
 */
@Controller('/api/v1')
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(missingClasses = 'org.citygrid.api.catalogue.CatalogueController')
class CatalogueStandIn {

    static final CategoryCatalogue CATALOGUE = CategoryCatalogue.loadDefault()

    @Get('/categories')
    List<Map> categories(@Header('Accept-Language') @Nullable String language) {
        boolean en = language?.startsWith('en')
        CATALOGUE.categories().collect { c ->
            [code          : c.code().toString(), kind: c.kind().name(), majorClass: c.code().toString().substring(0, 3),
             majorClassName: en ? c.majorClass().name().en() : c.majorClass().name().zh(),
             name          : en ? c.name().en() : c.name().zh(),
             filingCriteria: en ? c.filingCriteria().en() : c.filingCriteria().zh(), keywords: c.keywords(),
             department    : c.responsibleDepartment().code(),
             departmentName: en ? c.responsibleDepartment().name().en() : c.responsibleDepartment().name().zh()]
        }
    }

    @Get('/departments')
    List<Map> departments(@Header('Accept-Language') @Nullable String language) {
        boolean en = language?.startsWith('en')
        CATALOGUE.departments().collect { d ->
            [code: d.code(), name: en ? d.name().en() : d.name().zh(), kind: d.code(), level: 'NONE', area: null]
        }
    }
}
