package org.citygrid.api.places;

/** A street or a community of the grid register, with its names (either may be null where the register has none). */
public record Area(String code, String nameZh, String nameEn) {
}
