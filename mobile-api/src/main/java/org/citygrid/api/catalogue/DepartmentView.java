package org.citygrid.api.catalogue;

/**
 * A department cases are dispatched to, as pages show it, in one language: one of the catalogue's
 * city-wide departments ({@code DRAINAGE}), or one office of a territorial department
 * ({@code STREET_OFFICE:110106001}, the street office of street 110106001).
 *
 * @param code  the code cases carry in {@code department}
 * @param name  e.g. 排水 or 东华门街道办事处
 * @param kind  the catalogue department's code ({@code STREET_OFFICE} for every street office)
 * @param level {@code NONE} (one for the city), {@code STREET} or {@code COMMUNITY}
 * @param area  the street or community code of a territorial office, else null
 */
public record DepartmentView(String code, String name, String kind, String level, String area) {
}
