package org.citygrid.api.photos;

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
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.errors.NotFound;
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
    private final PhotoUploads uploads;
    private final PhotoScope scope;

    PhotosController(PhotoStore store, PhotoUploads uploads, PhotoScope scope) {
        this.store = store;
        this.uploads = uploads;
        this.scope = scope;
    }

    @Operation(summary = "Upload one photo (JPEG, PNG, WebP or HEIC; checked by content, not by name)",
            security = @SecurityRequirement(name = "bearer"))
    @Post
    @Consumes({"image/jpeg", "image/png", "image/webp", "image/heic", MediaType.APPLICATION_OCTET_STREAM})
    HttpResponse<Evidence> upload(@Body byte[] content, @Header(HttpHeaders.CONTENT_TYPE) String declared,
                                  Authentication auth) {
        Evidence photo = uploads.upload(CurrentUser.of(auth).id(), content, declared);
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
                .orElseThrow(() -> new NotFound("no photo " + id));
        return HttpResponse.ok(photo.content()).contentType(photo.mediaType());
    }
}
