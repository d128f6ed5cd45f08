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
import org.citygrid.api.privacy.PublicView;
import org.citygrid.api.idempotency.Idempotency;
import org.citygrid.api.readmodel.CaseReadModel;
import org.citygrid.api.readmodel.CaseRow;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryCatalogue;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over CityGrid's categories and cases.
 * Requests are case ids; a POST answers with a token (the intake id) because the case id is only
 * known once the case cycle has placed the report, and GET tokens/{token} gives it when it is.
 *
 * <p>Everything here is public, so it shows what {@link PublicView} allows: public categories only,
 * coarse positions, no reporter, no description of an anonymous report; lists come a page at a time
 * ({@code page}, {@code page_size}), and every GET counts against its address's rate
 * ({@code PublicReadRateFilter}).
 */
@Controller("/open311/v2")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "open311")
class GeoReportController {

    /** The spec's default window for GET requests. */
    private static final int DEFAULT_DAYS = 90;
    /** Requests on a page when the client names no page_size, and the most it may name. */
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 200;

    private final CategoryCatalogue catalogue = CategoryCatalogue.loadDefault();
    private final List<String> publicCategories = PublicView.publicCategoryCodes(catalogue);
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
        List<Map<String, Object>> services = catalogue.categories().stream().filter(PublicView::isPublic).map(c -> fields(
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
        Category c = publicService(serviceCode, true);
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

    @Operation(summary = "Open311 GET requests, newest first (default: the last 90 days), a page at a time "
            + "(page from 1, page_size up to 200, default 100)")
    @Get("/requests.{format}")
    HttpResponse<String> requests(@PathVariable String format,
                                  @Nullable @QueryValue("service_request_id") String ids,
                                  @Nullable @QueryValue("service_code") String serviceCode,
                                  @Nullable @QueryValue("start_date") String startDate,
                                  @Nullable @QueryValue("end_date") String endDate,
                                  @Nullable @QueryValue("status") String status,
                                  @Nullable @QueryValue("page") String page,
                                  @Nullable @QueryValue("page_size") String pageSize) {
        Open311Format f = Open311Format.of(format);
        List<String> caseIds = ids == null ? null : Arrays.stream(ids.split(",")).map(String::strip).toList();
        List<String> categories = serviceCode == null ? publicCategories
                : List.of(publicService(serviceCode, false).code().toString());
        int size = number("page_size", pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        int offset = (number("page", page, 1, Integer.MAX_VALUE / MAX_PAGE_SIZE) - 1) * size;
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
        List<Map<String, Object>> found = readModel.search(caseIds, categories, start, end, open, offset, size).stream()
                .map(this::request).toList();
        return ok(f, x -> x.list("service_requests", "request", found));
    }

    @Operation(summary = "Open311 GET one request")
    @Get("/requests/{id}.{format}")
    HttpResponse<String> request(@PathVariable String id, @PathVariable String format) {
        Open311Format f = Open311Format.of(format);
        // a community service request answers exactly as one that does not exist
        CaseRow c = readModel.byId(id).filter(row -> publicCategories.contains(row.categoryCode()))
                .orElseThrow(() -> new NotFound("no service request " + id));
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
                "description", PublicView.description(c.anonymous(), c.description()),
                "agency_responsible", c.department(),
                "service_notice", "",
                "requested_datetime", c.reportedAt().toString(),
                "updated_datetime", c.updatedAt().toString(),
                "expected_datetime", c.deadline() == null ? null : c.deadline().toString(),
                "address", "",
                "address_id", "",
                "zipcode", "",
                "lat", PublicView.coarse(c.lat()),
                "long", PublicView.coarse(c.lon()),
                "media_url", "");
    }

    /**
     * The public category of {@code serviceCode}, for reads: a community service's code is unknown here, as
     * in the service list.
     */
    private Category publicService(String serviceCode, boolean inPath) {
        Category c = service(serviceCode, inPath);
        if (!PublicView.isPublic(c)) {
            String unknown = "no service with service_code " + serviceCode;
            throw inPath ? new NotFound(unknown) : Malformed.request("invalid-service-code", unknown);
        }
        return c;
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

    /** A whole number parameter from 1 to {@code max}; {@code fallback} when absent. */
    private static int number(String name, String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Malformed.request("invalid-" + name.replace('_', '-'), name + " is a whole number from 1 to " + max);
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
