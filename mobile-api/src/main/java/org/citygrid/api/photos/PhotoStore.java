package org.citygrid.api.photos;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.citygrid.model.cases.Evidence;

/** Uploaded images (api.photos), addressed as {@code photo/<id>} in reports and evidence. */
public interface PhotoStore {

    String REF_PREFIX = "photo/";

    /** Stores the photo, or returns the one the owner already uploaded with the same bytes. */
    Evidence store(String ownerId, ImageType type, byte[] content, Instant now);

    Optional<Photo> find(String ref);

    /** The photo {@code ownerId} already uploaded with exactly these bytes, if any. */
    Optional<Evidence> sameAs(String ownerId, byte[] content);

    /** How many photos {@code ownerId} uploaded since {@code since}. */
    long uploadedSince(String ownerId, Instant since);

    /** The intake ids of {@code ownerId}'s reports (api.reports) that carry the photo {@code ref}. */
    List<String> reportsCarrying(String ownerId, String ref);

    /** The owner's photos among {@code refs}, in order; refs that are not theirs are left out. */
    default List<Evidence> ownedBy(String ownerId, List<String> refs) {
        return refs.stream().map(ref -> find(ref).filter(p -> p.ownerId().equals(ownerId)))
                .flatMap(Optional::stream).map(p -> new Evidence(REF_PREFIX + p.id(), p.mediaType())).toList();
    }

    /** A stored photo; {@link #ref()} is how reports and evidence name it. */
    record Photo(String id, String ownerId, String mediaType, byte[] content) {

        public String ref() {
            return REF_PREFIX + id;
        }
    }
}
