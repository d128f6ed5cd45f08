package org.citygrid.api.accounts;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.generator.RefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.security.token.validator.RefreshTokenValidator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.citygrid.api.accounts.AccountRequests.Credentials;
import org.citygrid.api.errors.Malformed;
import org.citygrid.api.errors.Unauthenticated;

/**
 * Sign-in, refresh and sign-out. The answers keep the shape clients knew from Micronaut Security's
 * own endpoints ({@code access_token}, {@code refresh_token}, {@code token_type}, {@code expires_in});
 * the refresh token is a signed envelope around a random key of which only the SHA-256 is stored
 * ({@link Sessions}), and every refresh answers a new one.
 */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "accounts")
class SignInController {

    private final SignIns signIns;
    private final Sessions sessions;
    private final TokenClaims claims;
    private final AccessRefreshTokenGenerator tokens;
    private final RefreshTokenGenerator refreshEnvelopes;
    private final RefreshTokenValidator refreshOpener;

    SignInController(SignIns signIns, Sessions sessions, TokenClaims claims, AccessRefreshTokenGenerator tokens,
                     RefreshTokenGenerator refreshEnvelopes, RefreshTokenValidator refreshOpener) {
        this.signIns = signIns;
        this.sessions = sessions;
        this.claims = claims;
        this.tokens = tokens;
        this.refreshEnvelopes = refreshEnvelopes;
        this.refreshOpener = refreshOpener;
    }

    @Operation(summary = "Sign in with a user name and password: an access token (15 min) and a refresh token. "
            + "Limited per client address and per account (429 with Retry-After)")
    @Post("/sign-in")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Secured(SecurityRule.IS_ANONYMOUS)
    @CountedAsSignIn
    HttpResponse<AccessRefreshToken> signIn(@Body @Valid Credentials body) {
        Account account = signIns.signIn(body.username(), body.password());
        return HttpResponse.ok(answer(account, sessions.start(account)));
    }

    @Operation(summary = "grant_type=refresh_token: a new access token and a new refresh token; the one sent is "
            + "used up, and sending it again signs out every session of that sign-in")
    @Post("/token")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Secured(SecurityRule.IS_ANONYMOUS)
    @CountedAsSignIn
    HttpResponse<AccessRefreshToken> token(@Body Map<String, String> body) {
        if (!"refresh_token".equals(body.get("grant_type")) || body.get("refresh_token") == null) {
            throw Malformed.request("invalid-grant-request", "send grant_type=refresh_token and refresh_token");
        }
        String key = refreshOpener.validate(body.get("refresh_token")).orElseThrow(() -> new Unauthenticated(
                "refresh-token-invalid", "Refresh refused", "此刷新令牌无效，请重新登录 / this refresh token is not valid: sign in again"));
        Sessions.Renewal renewal = sessions.renew(key);
        return HttpResponse.ok(answer(renewal.account(), renewal.key()));
    }

    @Operation(summary = "Sign out everywhere: revokes every refresh token of the account",
            security = @SecurityRequirement(name = "bearer"))
    @Post("/sign-out")
    @Status(HttpStatus.NO_CONTENT)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    void signOut(Authentication auth) {
        sessions.endAll(auth.getName());
    }

    private AccessRefreshToken answer(Account account, String refreshKey) {
        Authentication authentication = claims.authentication(account);
        String refreshToken = refreshEnvelopes.generate(authentication, refreshKey)
                .orElseThrow(() -> new IllegalStateException("cannot sign a refresh token"));
        return tokens.generate(refreshToken, authentication)
                .orElseThrow(() -> new IllegalStateException("cannot sign an access token"));
    }
}
