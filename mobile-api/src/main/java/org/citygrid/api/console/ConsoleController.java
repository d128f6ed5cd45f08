package org.citygrid.api.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;

/**
 * {@code /console} itself: the console's files are static resources under {@code /console/}
 * (application.yml), so the bare path (and {@code /console/}, the same route to Micronaut) redirects
 * to the page, whose relative links then resolve under {@code /console/}.
 * The files need no sign-in; every data call they make carries the operator's token.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class ConsoleController {

    @Get("/console")
    HttpResponse<?> console() {
        return HttpResponse.redirect(URI.create("/console/index.html"));
    }
}
