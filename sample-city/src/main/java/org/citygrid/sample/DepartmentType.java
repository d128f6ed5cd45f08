package org.citygrid.sample;

/**
 * The kinds of department cases are dispatched to. The constant names are the department codes
 * the category catalogue refers to. District-wide departments exist once, with the code as id;
 * territorial ones exist once per area, with ids {@code STREET_OFFICE:<9-digit street code>} and
 * {@code COMMUNITY_COMMITTEE:<12-digit community code>}.
 *
 * <p>The names are those of the sample city's district-level bodies; a real deployment names its
 * own departments.
 */
public enum DepartmentType {
    URBAN_MANAGEMENT("城市管理委员会", "Urban Management Commission"),
    SANITATION("环境卫生服务中心", "Sanitation Service Centre"),
    LANDSCAPING("园林绿化局", "Landscaping Bureau"),
    MUNICIPAL_ROADS("市政道路养护所", "Municipal Roads Maintenance Office"),
    TRAFFIC_POLICE("公安交通管理支队", "Traffic Police Detachment"),
    WATER_SUPPLY("自来水公司", "Water Supply Company"),
    DRAINAGE("排水公司", "Drainage Company"),
    POWER_SUPPLY("供电公司", "Power Supply Company"),
    GAS_SUPPLY("燃气公司", "Gas Supply Company"),
    TELECOM("通信管线办公室", "Telecom Lines Office"),
    STREET_LIGHTING("路灯管理所", "Street Lighting Office"),
    HOUSING("住房和城市建设委员会", "Housing and Urban Development Commission"),
    FIRE_RESCUE("消防救援支队", "Fire and Rescue Detachment"),
    ECOLOGY_ENVIRONMENT("生态环境局", "Ecology and Environment Bureau"),
    MARKET_REGULATION("市场监督管理局", "Market Regulation Administration"),
    CIVIL_AFFAIRS("民政局", "Civil Affairs Bureau"),
    PROPERTY_MANAGEMENT("物业管理办公室", "Property Management Office"),
    STREET_OFFICE("街道办事处", "Subdistrict Office"),
    COMMUNITY_COMMITTEE("社区居民委员会", "Community Residents' Committee");

    private final String nameZh;
    private final String nameEn;

    DepartmentType(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** The generic Chinese name, without the district or area it serves. */
    public String nameZh() {
        return nameZh;
    }

    /** The generic English name, without the district or area it serves. */
    public String nameEn() {
        return nameEn;
    }

    /** Whether the type exists once per street or community rather than once per district. */
    public boolean isTerritorial() {
        return this == STREET_OFFICE || this == COMMUNITY_COMMITTEE;
    }

    /** The id of this type's department for an area: the code itself for district-wide types. */
    public String departmentId(String areaCode) {
        return isTerritorial() ? name() + ":" + areaCode : name();
    }
}
