package org.citygrid.api.places;

/**
 * Where a case is, in names a person knows: its unit grid, community and street (the read model's
 * grid register), in Chinese and English. The address the desk shows until a component register
 * gives a component's own address.
 */
public record Place(String gridCode, String gridNameZh, String gridNameEn,
                    String communityCode, String communityNameZh, String communityNameEn,
                    String streetCode, String streetNameZh, String streetNameEn) {
}
