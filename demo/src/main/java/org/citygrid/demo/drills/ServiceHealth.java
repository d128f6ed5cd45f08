package org.citygrid.demo.drills;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.citygrid.demo.api.ApiClient;
import org.citygrid.demo.api.ApiException;
import org.citygrid.demo.services.CloudBackendHttp;

/**
 * Whether the consumers still run, as each service says itself: cloud-backend's {@code /health} (the case cycle's
 * Streams client and the projection; docs/cloud-backend.md), found at the URL its log announces, and mobile-api's
 * {@code /manage/health} read as an administrator (its topic readers; docs/mobile-api.md). DEGRADED is expected
 * here (dead letters were written); DOWN, or no answer, means a consumer stopped.
 */
final class ServiceHealth {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One service's word: {@code UP}, {@code DEGRADED}, {@code DOWN}, or {@code no answer}, with its details. */
    record Reading(String service, String status, String detail) {
        boolean stopped() {
            return !status.equals("UP") && !status.equals("DEGRADED");
        }

        @Override
        public String toString() {
            return service + " " + status + (detail.isEmpty() ? "" : " " + detail);
        }
    }

    private final URI cloudHealth;
    private final HttpDoor api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServiceHealth(Path cloudBackendLog, HttpDoor api) {
        this.cloudHealth = CloudBackendHttp.fromLog(cloudBackendLog).health();
        this.api = api;
    }

    Reading cloudBackend() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(cloudHealth).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            return new Reading("cloud-backend", body.path("status").asText("HTTP " + r.statusCode()),
                    "(streams " + body.path("streams").path("state").asText("?") + ", projection "
                            + body.path("projection").path("state").asText("?") + ", dead letters "
                            + body.path("deadLetters").asText("?") + ")");
        } catch (IOException e) {
            return new Reading("cloud-backend", "no answer", "(" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reading("cloud-backend", "no answer", "(interrupted)");
        }
    }

    Reading mobileApi() {
        try {
            ApiClient.Response r = api.health();
            JsonNode readers = r.body().path("details").path("topicReaders");
            String detail = readers.isMissingNode() ? "" : "(topic readers " + readers.path("status").asText("?")
                    + readerDetails(readers.path("details")) + ")";
            return new Reading("mobile-api", r.body().path("status").asText("HTTP " + r.status()), detail);
        } catch (ApiException e) {
            return new Reading("mobile-api", "no answer", "(" + e.getMessage() + ")");
        }
    }

    private static String readerDetails(JsonNode details) {
        return details.isMissingNode() || details.isEmpty() ? "" : " " + details;
    }
}
