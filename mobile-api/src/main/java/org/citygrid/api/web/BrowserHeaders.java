package org.citygrid.api.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.citygrid.api.console.ConsoleSettings;

/**
 * Headers that tell a browser what this server's pages may do, on every response (pages, files, API
 * answers and errors alike, so that no page served later can forget them): a Content-Security-Policy
 * without {@code 'unsafe-inline'} or {@code 'unsafe-eval'} (application.yml's
 * {@code citygrid.web.content-security-policy}, one directive per entry, where {@code {base-map}}
 * stands for the origins of the console's configured base map, {@link ConsoleSettings#baseMapOrigins()},
 * so that the one setting that names the tiles also lets the page load them),
 * {@code X-Content-Type-Options: nosniff}, a Referrer-Policy and, for browsers older than
 * {@code frame-ancestors}, {@code X-Frame-Options: DENY}. Outermost of the filters, so that answers
 * made by other filters (401, 429) carry them too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
// ServerFilterPhase.FIRST.before(): outside every other filter
@Order(-1_249)
final class BrowserHeaders {

    static final String CSP = "Content-Security-Policy";

    private final String policy;
    private final String referrerPolicy;

    BrowserHeaders(@Value("${citygrid.web.content-security-policy}") List<String> directives,
                   @Value("${citygrid.web.referrer-policy:strict-origin-when-cross-origin}") String referrerPolicy,
                   ConsoleSettings console) {
        this.policy = policy(directives, console.baseMapOrigins());
        this.referrerPolicy = referrerPolicy;
    }

    /**
     * The policy's text: the directives joined by {@code ; }, {@code {base-map}} replaced by the origins.
     *
     * @throws IllegalArgumentException when a directive allows {@code 'unsafe-inline'} or {@code 'unsafe-eval'}
     */
    static String policy(List<String> directives, Collection<String> baseMapOrigins) {
        String origins = String.join(" ", baseMapOrigins);
        String text = directives.stream()
                .map(d -> d.replace("{base-map}", origins).replaceAll("\\s+", " ").trim())
                .filter(d -> !d.isEmpty())
                .collect(Collectors.joining("; "));
        if (text.contains("'unsafe-inline'") || text.contains("'unsafe-eval'")) {
            throw new IllegalArgumentException("citygrid.web.content-security-policy must not allow 'unsafe-inline' "
                    + "or 'unsafe-eval' (不得允许内联脚本或 eval): load scripts and styles from files instead");
        }
        return text;
    }

    @ResponseFilter
    void headers(MutableHttpResponse<?> response) {
        response.header(CSP, policy);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", referrerPolicy);
        response.header("X-Frame-Options", "DENY");
    }
}
