package org.citygrid.model.cases;

import java.util.Objects;

/**
 * A photo or other proof attached to a step. The media itself lives in object storage; the case
 * keeps a reference to it.
 *
 * @param ref       where the media is stored (an opaque id or URI the API can resolve)
 * @param mediaType the verified media type, e.g. {@code image/jpeg}
 */
public record Evidence(String ref, String mediaType) {

    public Evidence {
        Objects.requireNonNull(mediaType, "mediaType");
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("evidence needs a reference to its media");
        }
    }
}
