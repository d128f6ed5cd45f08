package org.citygrid.api.app;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The phone app's start page and service worker (docs/app.md); its other files are static resources
 * under {@code /app/} (application.yml). The files hold no data and need no sign-in; every call the
 * app makes carries the person's token.
 *
 * <ul>
 *   <li>{@code /app/} is answered here, not redirected to {@code /app/index.html}: the service worker
 *       keeps {@code /app/} (the start URL) for offline use, and a redirected answer cannot be replayed
 *       for a navigation. {@code /app} without the slash (the same route to Micronaut) redirects to it,
 *       so that the page's relative links and the worker's scope hold.</li>
 *   <li>{@code /app/sw.js} gets the digest of the shell it caches written into it ({@link AppShell}), so a
 *       release that changes any file of the app is a new worker, and phones fetch the new files, without
 *       anyone bumping a version by hand.</li>
 * </ul>
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class AppController {

    private static final String JAVASCRIPT = "text/javascript;charset=utf-8";

    private final AppShell shell = AppShell.fromClassPath();

    @Get("/app")
    HttpResponse<?> app(HttpRequest<?> request) {
        if (!request.getPath().endsWith("/")) {
            return HttpResponse.redirect(URI.create("/app/"));
        }
        // revalidated every time: a new release's page names its new files at once
        return HttpResponse.ok(shell.page()).contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Cache-Control", "no-cache");
    }

    @Get("/app/sw.js")
    HttpResponse<byte[]> serviceWorker() {
        return HttpResponse.ok(shell.serviceWorker().getBytes(StandardCharsets.UTF_8)).contentType(JAVASCRIPT)
                .header("Cache-Control", "no-cache");
    }
}
