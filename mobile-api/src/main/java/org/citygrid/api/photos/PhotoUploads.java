package org.citygrid.api.photos;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.citygrid.api.errors.Malformed;
import org.citygrid.api.errors.TooLarge;
import org.citygrid.api.errors.Unsupported;
import org.citygrid.model.cases.Evidence;

/**
 * What an upload must be to be kept: not empty, at most {@code citygrid.photos.max-bytes}, a JPEG,
 * PNG, WebP or HEIC by its content (not by its name), and of the type it claims when it claims one.
 */
@Singleton
public class PhotoUploads {

    private final PhotoStore store;
    private final Clock clock;
    private final int maxBytes;

    PhotoUploads(PhotoStore store, Clock clock, @Value("${citygrid.photos.max-bytes:8388608}") int maxBytes) {
        this.store = store;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /**
     * Keeps {@code content} as {@code ownerId}'s photo.
     *
     * @param declared the media type the client declared, e.g. {@code image/jpeg; q=1}
     */
    public Evidence upload(String ownerId, byte[] content, String declared) {
        ImageType real = check(content, declared, maxBytes);
        return store.store(ownerId, real, content, clock.instant());
    }

    /** The content's real type, or the refusal an upload of it gets. */
    static ImageType check(byte[] content, String declared, int maxBytes) {
        if (content.length == 0) {
            throw Malformed.request("empty-photo", "the photo is empty");
        }
        if (content.length > maxBytes) {
            throw new TooLarge("photo-too-large", "Photo too large",
                    "a photo may have at most " + maxBytes + " bytes; this one has " + content.length);
        }
        ImageType real = ImageType.sniff(content).orElseThrow(() -> new Unsupported(
                "not-an-image", "Not an accepted image", "the content is not a JPEG, PNG, WebP or HEIC image"));
        ImageType.byMediaType(declared.split(";")[0].strip())
                .filter(claimed -> claimed != real)
                .ifPresent(claimed -> {
                    throw new Unsupported("photo-type-mismatch", "Photo type mismatch",
                            "declared " + claimed.mediaType() + " but the content is " + real.mediaType());
                });
        return real;
    }
}
