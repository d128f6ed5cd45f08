package org.citygrid.api.photos;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.problem.ProblemException;
import org.citygrid.model.cases.Evidence;

/**
 * Photo upload: the raw image as the body. Uploading the same bytes twice gives the same ref, so a
 * retried upload needs no Idempotency-Key.
 */
@Controller("/api/v1/photos")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "photos")
class PhotosController {

    private final PhotoStore store;
    private final PhotoScope scope;
    private final Clock clock;
    private final int maxBytes;

    PhotosController(PhotoStore store, PhotoScope scope, Clock clock,
                     @Value("${citygrid.photos.max-bytes:8388608}") int maxBytes) {
        this.store = store;
        this.scope = scope;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    @Operation(summary = "Upload one photo (JPEG, PNG, WebP or HEIC; checked by content, not by name)",
            security = @SecurityRequirement(name = "bearer"))
    @Post
    @Consumes({"image/jpeg", "image/png", "image/webp", "image/heic", MediaType.APPLICATION_OCTET_STREAM})
    HttpResponse<Evidence> upload(@Body byte[] content, @Header(HttpHeaders.CONTENT_TYPE) String declared,
                                  Authentication auth) {
        if (content.length == 0) {
            throw ProblemException.badRequest("empty-photo", "the photo is empty");
        }
        if (content.length > maxBytes) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "photo-too-large", "Photo too large",
                    "a photo may have at most " + maxBytes + " bytes; this one has " + content.length);
        }
        ImageType real = ImageType.sniff(content).orElseThrow(() -> new ProblemException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-an-image", "Not an accepted image",
                "the content is not a JPEG, PNG, WebP or HEIC image"));
        ImageType.byMediaType(declared.split(";")[0].strip())
                .filter(claimed -> claimed != real)
                .ifPresent(claimed -> {
                    throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "photo-type-mismatch",
                            "Photo type mismatch", "declared " + claimed.mediaType() + " but the content is " + real.mediaType());
                });
        Evidence photo = store.store(CurrentUser.of(auth).id(), real, content, clock.instant());
        return HttpResponse.status(HttpStatus.CREATED).body(photo);
    }

    @Operation(summary = "Fetch a photo: its uploader may, and whoever may see a case that carries it; "
            + "404 for anyone else, as for a photo that does not exist", security = @SecurityRequirement(name = "bearer"))
    @Get("/{id}")
    HttpResponse<byte[]> fetch(@PathVariable String id, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        // out of scope answers exactly as "no such photo", so that a photo id reveals nothing
        PhotoStore.Photo photo = store.find(PhotoStore.REF_PREFIX + id)
                .filter(p -> scope.sees(user, p))
                .orElseThrow(() -> ProblemException.notFound("no photo " + id));
        return HttpResponse.ok(photo.content()).contentType(photo.mediaType());
    }
}
