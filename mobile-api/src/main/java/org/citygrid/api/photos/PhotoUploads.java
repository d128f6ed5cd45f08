package org.citygrid.api.photos;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.citygrid.api.errors.Malformed;
import org.citygrid.api.errors.TooLarge;
import org.citygrid.api.errors.Unsupported;
import org.citygrid.api.ratelimit.PhotoQuota;
import org.citygrid.api.ratelimit.RateLimiter;
import org.citygrid.api.ratelimit.RateLimits;
import org.citygrid.model.cases.Evidence;

/**
 * What an upload must be to be kept: not empty, at most {@code citygrid.photos.max-bytes}, a JPEG,
 * PNG, WebP or HEIC by its content (not by its name), and of the type it claims when it claims one.
 * A new photo counts against the uploader's rate ({@code citygrid.rate-limits.photos}) and day's quota
 * ({@link PhotoQuota}); the same bytes again are the photo already kept, and count for nothing.
 */
@Singleton
public class PhotoUploads {

    private final PhotoStore store;
    private final Clock clock;
    private final int maxBytes;
    private final RateLimiter rate;
    private final PhotoQuota quota;

    PhotoUploads(PhotoStore store, Clock clock, @Value("${citygrid.photos.max-bytes:8388608}") int maxBytes,
                 @Named(RateLimits.PHOTOS) RateLimiter rate, PhotoQuota quota) {
        this.store = store;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.rate = rate;
        this.quota = quota;
    }

    /**
     * Keeps {@code content} as {@code ownerId}'s photo.
     *
     * @param declared the media type the client declared, e.g. {@code image/jpeg; q=1}
     */
    public Evidence upload(String ownerId, byte[] content, String declared) {
        ImageType real = check(content, declared, maxBytes);
        Optional<Evidence> kept = store.sameAs(ownerId, content);
        if (kept.isPresent()) {
            return kept.get();
        }
        rate.check(ownerId);
        quota.check(store.uploadedSince(ownerId, quota.startOfToday()));
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
