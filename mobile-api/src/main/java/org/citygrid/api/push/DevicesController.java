package org.citygrid.api.push;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.List;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.errors.NotFound;

/**
 * A person's FCM registration tokens. Registering is an upsert, so a retried POST is harmless and
 * needs no Idempotency-Key; a refreshed token is registered with the one it replaces.
 */
@Controller("/api/v1/devices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "push")
class DevicesController {

    private final DeviceTokens tokens;
    private final Clock clock;

    DevicesController(DeviceTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Introspected
    record Device(@NotBlank @Pattern(regexp = "[A-Za-z0-9:_\\-]{20,4096}") String token,
                  @NotBlank @Pattern(regexp = "android|ios|web") String platform,
                  @Nullable String replaces) {
    }

    /** @param topics FCM topics the app should subscribe the device to (residents: their community's notices) */
    record Registered(String token, List<String> topics) {
    }

    @Operation(summary = "Register (or refresh, with replaces) this device's FCM token", security = @SecurityRequirement(name = "bearer"))
    @Post
    @Status(HttpStatus.CREATED)
    Registered register(@Body @Valid Device device, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        if (device.replaces() != null) {
            tokens.remove(device.replaces(), user.id());
        }
        tokens.register(device.token(), user.id(), device.platform(), clock.instant());
        return new Registered(device.token(),
                user.community() == null ? List.of() : List.of(PushTarget.community(user.community()).value()));
    }

    @Operation(summary = "My registered device tokens", security = @SecurityRequirement(name = "bearer"))
    @Get
    List<String> mine(Authentication auth) {
        return tokens.ofAccount(CurrentUser.of(auth).id());
    }

    @Operation(summary = "Forget a device token (sign-out on that phone)", security = @SecurityRequirement(name = "bearer"))
    @Delete("/{token}")
    @Status(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String token, Authentication auth) {
        if (!tokens.remove(token, CurrentUser.of(auth).id())) {
            throw new NotFound("no device token of yours");
        }
    }
}
