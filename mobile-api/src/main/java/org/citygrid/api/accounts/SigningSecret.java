package org.citygrid.api.accounts;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that signs every access and refresh token ({@code CITYGRID_JWT_SECRET}, HS256). Whoever
 * knows it can mint an ADMIN token, so mobile-api refuses to start with a key that is empty, shorter
 * than {@value #MIN_BYTES} bytes or known from this repository, unless the development switch
 * ({@code CITYGRID_DEV_MODE=true}) says this is a developer's machine. Created with the context
 * ({@link Context}), so a bad key stops the start before the server listens.
 */
@Context
final class SigningSecret {

    static final int MIN_BYTES = 32;

    /** Keys that were ever written in this repository: application.yml's default and old specs' keys. */
    static final List<String> KNOWN = List.of(
            "change-me-this-is-only-a-development-secret-0123456789",
            "two instances share this secret: 0123456789abcdef",
            "bad-input-spec-secret-bad-input-spec-secret-0123456789");

    private static final Logger LOG = LoggerFactory.getLogger(SigningSecret.class);

    SigningSecret(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret:}") String accessSecret,
                  @Value("${micronaut.security.token.jwt.generator.refresh-token.secret:}") String refreshSecret,
                  @Value("${citygrid.dev-mode:false}") boolean devMode) {
        Optional<String> problem = problem(accessSecret).or(() -> problem(refreshSecret));
        if (problem.isEmpty()) {
            return;
        }
        if (devMode) {
            LOG.warn("CITYGRID_DEV_MODE is on: tokens are signed with a key that {}; anyone who knows it can sign in "
                    + "as anybody. Never run like this outside a developer's machine.", problem.get());
            return;
        }
        throw new ConfigurationException("mobile-api will not start: the JWT signing key (CITYGRID_JWT_SECRET) "
                + problem.get() + ", so anyone could mint an administrator's token. Set CITYGRID_JWT_SECRET to at least "
                + MIN_BYTES + " random bytes, the same on every instance (e.g. `openssl rand -hex 32`); on a developer's "
                + "machine only, CITYGRID_DEV_MODE=true accepts the development key. "
                + "/ JWT 签名密钥不安全，mobile-api 拒绝启动：请将 CITYGRID_JWT_SECRET 设为至少 " + MIN_BYTES
                + " 字节的随机值（各实例相同）；仅在开发机上可设 CITYGRID_DEV_MODE=true。");
    }

    /** What is wrong with {@code secret} as a signing key, in words that finish "the key ...", or empty when nothing is. */
    static Optional<String> problem(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.of("is not set");
        }
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            return Optional.of("is " + bytes + " bytes long, shorter than " + MIN_BYTES);
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        if (KNOWN.contains(secret) || lower.contains("change-me") || lower.contains("changeme")) {
            return Optional.of("is a development value published in the CityGrid repository");
        }
        return Optional.empty();
    }
}
