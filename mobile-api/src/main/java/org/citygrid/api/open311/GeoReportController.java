package org.citygrid.api.open311;

import static org.citygrid.api.open311.Open311Format.fields;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.citygrid.api.errors.Malformed;
import org.citygrid.api.errors.NotFound;
import org.citygrid.api.idempotency.Idempotency;
import org.citygrid.api.readmodel.CaseReadModel;
import org.citygrid.api.readmodel.CaseRow;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryCatalogue;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over CityGrid's categories and cases.
 * Requests are case ids; a POST answers with a token (the intake id) because the case id is only
 * known once the case cycle has placed the report, and GET tokens/{token} gives it when it is.
 */
@Controller("/open311/v2")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "open311")
class GeoReportController {

    /** The spec's default window for GET requests and its cap on results. */
    private static final int DEFAULT_DAYS = 90;
    private static final int MAX_RESULTS = 1000;

    private final CategoryCatalogue catalogue = CategoryCatalogue.loadDefault();
    private final CaseReadModel readModel;
    private final GeoReportIntake intake;
    private final String baseUrl;
    private final String contact;
    private final java.time.Clock clock;

    GeoReportController(CaseReadModel readModel, GeoReportIntake intake, java.time.Clock clock,
                        @Value("${citygrid.open311.base-url:http://localhost:8080/open311/v2}") String baseUrl,
                        @Value("${citygrid.open311.contact:CityGrid operators}") String contact) {
        this.readModel = readModel;
        this.intake = intake;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.contact = contact;
    }

    @Operation(summary = "Open311 service discovery")
    @Get("/discovery.{format}")
    HttpResponse<String> discovery(@PathVariable String format) {
        return ok(Open311Format.of(format), f -> f.object("discovery", fields(
                "changeset", "2026-03-01T00:00:00Z",
                "contact", contact,
                "key_service", "Ask a CityGrid administrator for an api_key (POST /api/v1/admin/open311-keys)",
                "endpoints", List.of(fields(
                        "specification", "http://wiki.open311.org/GeoReport_v2",
                        "url", baseUrl,
                        "changeset", "2026-03-01T00:00:00Z",
                        "type", "production",
                        "formats", List.of("application/json", "text/xml"))))));
    }

    @Operation(summary = "Open311 service list: CityGrid's categories")
    @Get("/services.{format}")
    HttpResponse<String> services(@PathVariable String format, @Nullable @QueryValue("jurisdiction_id") String jurisdiction) {
        List<Map<String, Object>> services = catalogue.categories().stream().map(c -> fields(
                "service_code", c.open311().serviceCode(),
                "service_name", c.name().en(),
                "description", c.name().zh() + " - " + c.filingCriteria().en(),
                "metadata", false,
                "type", "realtime",
                "keywords", String.join(",", c.keywords()),
                "group", c.open311().group())).toList();
        return ok(Open311Format.of(format), f -> f.list("services", "service", services));
    }

    @Operation(summary = "Open311 service definition (CityGrid's services have no extra attributes)")
    @Get("/services/{serviceCode}.{format}")
    HttpResponse<String> definition(@PathVariable String serviceCode, @PathVariable String format) {
        Open311Format f = Open311Format.of(format);
        Category c = service(serviceCode, true);
        return ok(f, x -> x.object("service_definition", fields("service_code", c.open311().serviceCode(), "attributes", List.of())));
    }

    @Operation(summary = "Open311 POST request (form-encoded, api_key required); answers with a token")
    @Post(value = "/requests.{format}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> create(@PathVariable String format, @Body Map<String, String> form,
                                @Header(Idempotency.HEADER) @Nullable String idempotencyKey) {
        Open311Format f = Open311Format.of(format);
        Category c = service(form.get("service_code"), false);
        String token = intake.submit(form, c, idempotencyKey);
        return HttpResponse.status(HttpStatus.CREATED).contentType(f.contentType()).body(f.list("service_requests", "request",
                List.of(fields("token", token,
                        "service_notice", "Received. GET tokens/" + token + " gives the service_request_id once the case is placed."))));
    }

    @Operation(summary = "Open311 GET requests, newest first (default: the last 90 days, at most 1000)")
    @Get("/requests.{format}")
    HttpResponse<String> requests(@PathVariable String format,
                                  @Nullable @QueryValue("service_request_id") String ids,
                                  @Nullable @QueryValue("service_code") String serviceCode,
                                  @Nullable @QueryValue("start_date") String startDate,
                                  @Nullable @QueryValue("end_date") String endDate,
                                  @Nullable @QueryValue("status") String status) {
        Open311Format f = Open311Format.of(format);
        List<String> caseIds = ids == null ? null : Arrays.stream(ids.split(",")).map(String::strip).toList();
        String category = serviceCode == null ? null : service(serviceCode, false).code().toString();
        Instant end = date("end_date", endDate);
        Instant start = date("start_date", startDate);
        if (caseIds == null && start == null) {
            start = (end == null ? clock.instant() : end).minus(java.time.Duration.ofDays(DEFAULT_DAYS));
        }
        Boolean open = switch (status == null ? "" : status) {
            case "" -> null;
            case "open" -> true;
            case "closed" -> false;
            default -> throw Malformed.request("invalid-status", "status is open or closed");
        };
        List<Map<String, Object>> found = readModel.search(caseIds, category, start, end, open, MAX_RESULTS).stream()
                .map(this::request).toList();
        return ok(f, x -> x.list("service_requests", "request", found));
    }

    @Operation(summary = "Open311 GET one request")
    @Get("/requests/{id}.{format}")
    HttpResponse<String> request(@PathVariable String id, @PathVariable String format) {
        Open311Format f = Open311Format.of(format);
        CaseRow c = readModel.byId(id).orElseThrow(() -> new NotFound("no service request " + id));
        return ok(f, x -> x.list("service_requests", "request", List.of(request(c))));
    }

    @Operation(summary = "Open311 GET service_request_id from a token")
    @Get("/tokens/{token}.{format}")
    HttpResponse<String> token(@PathVariable String token, @PathVariable String format) {
        Open311Format f = Open311Format.of(format);
        if (!intake.knows(token)) {
            throw new NotFound("no token " + token);
        }
        String caseId = readModel.forIntake(token).map(CaseRow::caseId).orElse(null);
        return ok(f, x -> x.list("service_requests", "request", List.of(fields(
                "service_request_id", caseId, "token", token))));
    }

    private Map<String, Object> request(CaseRow c) {
        Category category = catalogue.byCode(c.categoryCode()).orElse(null);
        return fields(
                "service_request_id", c.caseId(),
                "status", c.terminal() ? "closed" : "open",
                "status_notes", c.state(),
                "service_name", category == null ? c.categoryCode() : category.name().en(),
                "service_code", category == null ? c.categoryCode() : category.open311().serviceCode(),
                "description", c.description(),
                "agency_responsible", c.department(),
                "service_notice", "",
                "requested_datetime", c.reportedAt().toString(),
                "updated_datetime", c.updatedAt().toString(),
                "expected_datetime", c.deadline() == null ? null : c.deadline().toString(),
                "address", "",
                "address_id", "",
                "zipcode", "",
                "lat", c.lat(),
                "long", c.lon(),
                "media_url", "");
    }

    /** The category of {@code serviceCode}; an unknown one is a 404 where the code is in the path, a 400 in a parameter. */
    private Category service(String serviceCode, boolean inPath) {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw Malformed.request("invalid-service-code", "service_code is required");
        }
        String unknown = "no service with service_code " + serviceCode;
        return catalogue.byServiceCode(serviceCode)
                .orElseThrow(() -> inPath ? new NotFound(unknown) : Malformed.request("invalid-service-code", unknown));
    }

    private static HttpResponse<String> ok(Open311Format format, java.util.function.Function<Open311Format, String> body) {
        return HttpResponse.ok(body.apply(format)).contentType(format.contentType());
    }

    private static Instant date(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Malformed.request("invalid-date", name + " must be a w3c datetime such as 2026-03-01T00:00:00Z");
        }
    }
}
