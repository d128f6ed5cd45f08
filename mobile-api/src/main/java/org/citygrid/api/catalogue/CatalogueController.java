package org.citygrid.api.catalogue;

import org.citygrid.api.i18n.Language;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Reference data with names: the categories and the departments, in the language of
 * {@code Accept-Language} (Chinese unless English is preferred). Public, like Open311's service
 * list: it names what the city handles, nothing about any case or person.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "catalogue")
class CatalogueController {

    private final CatalogueViews views;

    CatalogueController(CatalogueViews views) {
        this.views = views;
    }

    @Operation(summary = "The categories (部件, 事件, 服务) with their names, major class, filing criteria (立案标准), "
            + "keywords, icon and responsible department, in the language of Accept-Language (zh-CN by default, or en)")
    @Get("/categories")
    HttpResponse<List<CategoryView>> categories(@Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage) {
        Language lang = Language.preferred(acceptLanguage);
        return localized(views.categories(lang), lang);
    }

    @Operation(summary = "The departments cases are dispatched to, with their names: the city-wide ones and one "
            + "office per street or community for territorial ones (STREET_OFFICE:110106001), in the language of Accept-Language")
    @Get("/departments")
    HttpResponse<List<DepartmentView>> departments(@Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage) {
        Language lang = Language.preferred(acceptLanguage);
        return localized(views.departments(lang), lang);
    }

    private static <T> HttpResponse<T> localized(T body, Language lang) {
        return HttpResponse.ok(body).header(HttpHeaders.CONTENT_LANGUAGE, lang.tag()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
