package org.citygrid.bench.api

import io.micronaut.context.annotation.Requires
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Get
import io.micronaut.security.annotation.Secured
import io.micronaut.security.rules.SecurityRule

/** The baseline of the benchmark: Micronaut answering a constant JSON body, no security, no I/O. */
@Controller('/bench/plain')
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = 'bench.plain', value = 'true')
class PlainController {

    @Get
    Map<String, Object> plain() {
        [ok: true]
    }
}
