package org.citygrid.api.archfixture.service

import groovy.transform.CompileStatic
import io.micronaut.http.HttpResponse
import io.micronaut.http.HttpStatus

/**
 * A deliberate violation for ArchitectureSpec: a service that answers in HTTP terms, as
 * ReportService did before the layers. Never a bean; only analysed.
 */
@CompileStatic
class LeakyService {

    HttpResponse<String> submit(String report) {
        HttpResponse.status(HttpStatus.ACCEPTED).body(report)
    }
}
