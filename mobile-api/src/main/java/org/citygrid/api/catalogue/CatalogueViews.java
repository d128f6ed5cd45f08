package org.citygrid.api.catalogue;

import org.citygrid.api.i18n.Language;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.citygrid.api.places.Area;
import org.citygrid.api.places.PlaceDirectory;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.category.Department;
import org.citygrid.model.category.LocalizedText;
import org.citygrid.model.category.MajorClass;

/**
 * The catalogue's categories and departments with their names, in the caller's language. Territorial
 * departments are listed once per street or community of the grid register, named after it, because
 * that is what cases carry ({@code STREET_OFFICE:110106001}) and what a filter or a dispatch names.
 */
@Singleton
public class CatalogueViews {

    /** Where the major classes' icons are served (console/icons, one SVG per major class). */
    static final String ICONS = "/console/icons/";

    private final CategoryCatalogue catalogue;
    private final PlaceDirectory places;

    CatalogueViews(PlaceDirectory places) {
        this.catalogue = CategoryCatalogue.loadDefault();
        this.places = places;
    }

    public List<CategoryView> categories(Language lang) {
        return catalogue.categories().stream().map(c -> view(c, lang)).toList();
    }

    public List<DepartmentView> departments(Language lang) {
        List<DepartmentView> out = new ArrayList<>();
        for (Department d : catalogue.departments()) {
            String name = text(d.name(), lang);
            switch (d.territorial()) {
                case NONE -> out.add(new DepartmentView(d.code(), name, d.code(), "NONE", null));
                case STREET -> places.streets().forEach(a -> out.add(office(d, a, lang, "STREET")));
                case COMMUNITY -> places.communities().forEach(a -> out.add(office(d, a, lang, "COMMUNITY")));
            }
        }
        return out;
    }

    /** 东华门街道办事处 / Donghuamen street office: the area's name, then the department's. */
    private static DepartmentView office(Department d, Area a, Language lang, String level) {
        String areaName = lang == Language.ZH ? firstOf(a.nameZh(), a.nameEn(), a.code())
                : firstOf(a.nameEn(), a.nameZh(), a.code());
        String departmentName = text(d.name(), lang);
        String name = lang == Language.ZH ? overlapping(areaName, departmentName)
                : areaName + " " + departmentName.toLowerCase(Locale.ROOT);
        return new DepartmentView(d.code() + ":" + a.code(), name, d.code(), level, a.code());
    }

    /** 东华门街道 + 街道办事处 = 东华门街道办事处: the words both end and start with are said once. */
    static String overlapping(String area, String department) {
        for (int n = Math.min(area.length(), department.length()); n > 1; n--) {
            if (area.endsWith(department.substring(0, n))) {
                return area + department.substring(n);
            }
        }
        return area + department;
    }

    private CategoryView view(Category c, Language lang) {
        MajorClass major = c.majorClass();
        String majorCode = c.code().kind().prefix() + major.codeText();
        return new CategoryView(c.code().toString(), c.kind().name(), majorCode, text(major.name(), lang),
                text(c.name(), lang), text(c.filingCriteria(), lang), c.keywords(), ICONS + majorCode + ".svg",
                c.responsibleDepartment().code(), text(c.responsibleDepartment().name(), lang), c.priority().name());
    }

    private static String text(LocalizedText t, Language lang) {
        return lang.pick(t.zh(), t.en());
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
