package org.citygrid.api.push;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
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
import org.citygrid.api.errors.Invalid;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.i18n.Language;

/**
 * A person's push tokens, each with the provider that issued it ({@code fcm} unless said; see
 * {@link PushChannel}) and the language its messages are written in ({@code language}, else the
 * request's {@code Accept-Language}, else Chinese). Registering is an upsert, so a retried POST is
 * harmless and needs no Idempotency-Key; a refreshed token is registered with the one it replaces.
 */
@Controller("/api/v1/devices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "push")
class DevicesController {

    private final DeviceTokens tokens;
    private final PushChannels channels;
    private final Clock clock;

    DevicesController(DeviceTokens tokens, PushChannels channels, Clock clock) {
        this.tokens = tokens;
        this.channels = channels;
        this.clock = clock;
    }

    /**
     * @param provider the push service that issued the token: {@code fcm} (default), or another channel's name
     * @param language {@code zh-CN} or {@code en}: what the device's messages are written in
     */
    @Introspected
    record Device(@NotBlank @Pattern(regexp = "[A-Za-z0-9:_\\-]{20,4096}") String token,
                  @NotBlank @Pattern(regexp = "android|ios|web") String platform,
                  @Nullable String replaces,
                  @Nullable @Pattern(regexp = "[a-z0-9]{2,20}") String provider,
                  @Nullable @Pattern(regexp = "zh(-[A-Za-z]+)*|en(-[A-Za-z]+)*") String language) {
    }

    /** @param topics FCM topics the app should subscribe the device to (residents: their community's notices) */
    record Registered(String token, List<String> topics) {
    }

    @Operation(summary = "Register (or refresh, with replaces) this device's push token, with its provider (fcm by default) "
            + "and the language of its messages (language, else Accept-Language)", security = @SecurityRequirement(name = "bearer"))
    @Post
    @Status(HttpStatus.CREATED)
    Registered register(@Body @Valid Device device, @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage,
                        Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        String provider = device.provider() == null ? FcmChannel.PROVIDER : device.provider();
        if (channels.of(provider).isEmpty()) {
            throw Invalid.field("provider", "this server pushes through " + String.join(", ", channels.providers()));
        }
        if (device.replaces() != null) {
            tokens.remove(device.replaces(), user.id());
        }
        tokens.register(device.token(), user.id(), device.platform(), provider,
                Language.preferred(device.language() != null ? device.language() : acceptLanguage), clock.instant());
        return new Registered(device.token(),
                user.community() == null ? List.of() : List.of(PushTarget.community(user.community()).value()));
    }

    @Operation(summary = "My registered device tokens", security = @SecurityRequirement(name = "bearer"))
    @Get
    List<String> mine(Authentication auth) {
        return tokens.ofAccount(CurrentUser.of(auth).id()).stream().map(DeviceTokens.Device::token).toList();
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
