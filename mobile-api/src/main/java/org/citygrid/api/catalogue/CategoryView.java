package org.citygrid.api.catalogue;

import java.util.List;

/**
 * One category of the catalogue as pages and apps show it, in one language.
 *
 * @param code            e.g. {@code E0411}
 * @param kind            {@code COMPONENT} (部件), {@code EVENT} (事件) or {@code SERVICE} (服务)
 * @param majorClass      the major class (大类) code, e.g. {@code E04}
 * @param majorClassName  its name
 * @param name            the category's name
 * @param filingCriteria  立案标准: when a report of it is filed as a case
 * @param keywords        search words, Chinese and English, as the catalogue lists them
 * @param icon            path of the major class's icon (SVG), served by this server
 * @param department      the responsible department's code
 * @param departmentName  its name
 * @param priority        {@code HIGH}, {@code NORMAL} or {@code LOW}
 */
public record CategoryView(String code, String kind, String majorClass, String majorClassName, String name,
                           String filingCriteria, List<String> keywords, String icon, String department,
                           String departmentName, String priority) {
}
