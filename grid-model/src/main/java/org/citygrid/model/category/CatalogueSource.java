package org.citygrid.model.category;

import java.util.Objects;

/**
 * A published rule or standard the catalogue takes time limits from, cited by the categories that
 * follow it ({@code timeLimitSource}); docs/categories.md lists them.
 *
 * @param id    short id the categories refer to, e.g. {@code JIYUAN-EVENTS}
 * @param title the document's title as published
 * @param url   where a copy was read
 */
public record CatalogueSource(String id, String title, String url) {

    public CatalogueSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
