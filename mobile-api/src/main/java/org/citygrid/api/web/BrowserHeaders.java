package org.citygrid.api.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Headers that tell a browser what this server's pages may do, on every response (pages, files, API
 * answers and errors alike, so that no page served later can forget them): a Content-Security-Policy
 * without {@code 'unsafe-inline'} (application.yml's {@code citygrid.web.content-security-policy},
 * one directive per entry, where {@code {tile-hosts}} stands for {@code citygrid.web.tile-hosts}),
 * {@code X-Content-Type-Options: nosniff}, a Referrer-Policy and, for browsers older than
 * {@code frame-ancestors}, {@code X-Frame-Options: DENY}. Outermost of the filters, so that answers
 * made by other filters (401, 429) carry them too. A response that set its own policy keeps it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
// ServerFilterPhase.FIRST.before(): outside every other filter
@Order(-1_249)
final class BrowserHeaders {

    static final String CSP = "Content-Security-Policy";

    private final String policy;
    private final String referrerPolicy;

    BrowserHeaders(@Value("${citygrid.web.content-security-policy}") List<String> directives,
                   @Value("${citygrid.web.tile-hosts:}") List<String> tileHosts,
                   @Value("${citygrid.web.referrer-policy:no-referrer}") String referrerPolicy) {
        this.policy = policy(directives, tileHosts);
        this.referrerPolicy = referrerPolicy;
    }

    /** The policy's text: the directives joined by {@code ; }, {@code {tile-hosts}} replaced by the hosts. */
    static String policy(List<String> directives, List<String> tileHosts) {
        String hosts = String.join(" ", tileHosts.stream().filter(h -> !h.isBlank()).map(String::trim).toList());
        String text = directives.stream()
                .map(d -> d.replace("{tile-hosts}", hosts).replaceAll("\\s+", " ").trim())
                .collect(Collectors.joining("; "));
        if (text.contains("'unsafe-inline'") || text.contains("'unsafe-eval'")) {
            throw new IllegalArgumentException("citygrid.web.content-security-policy must not allow 'unsafe-inline' "
                    + "or 'unsafe-eval': give the page's files instead, or a hash of one inline element");
        }
        return text;
    }

    @ResponseFilter
    void headers(MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains(CSP)) {
            response.header(CSP, policy);
        }
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", referrerPolicy);
        response.header("X-Frame-Options", "DENY");
    }
}
