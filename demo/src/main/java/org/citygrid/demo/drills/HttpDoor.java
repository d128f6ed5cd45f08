package org.citygrid.demo.drills;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.citygrid.demo.DemoException;
import org.citygrid.demo.api.ApiClient;
import org.citygrid.demo.api.ApiException;
import org.citygrid.demo.api.DemoAccount;

/**
 * mobile-api's write entries as a caller reaches them: the API's reports and case actions (signed in as a resident
 * and an operator of the demo), and Open311's POST with an api_key the drill has an administrator issue. Bodies go
 * out as raw bytes, so a body that is not JSON, or not the content type the entry wants, is sent as it is.
 */
final class HttpDoor {
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final ApiClient api;
    private final String residentToken;
    private final String operatorToken;
    private final String adminToken;
    private final String open311Key;

    HttpDoor(URI base, String adminPassword, List<DemoAccount> accounts) {
        this.api = new ApiClient(base);
        this.adminToken = api.signIn("admin", adminPassword);
        this.residentToken = signIn(accounts, "RESIDENT");
        this.operatorToken = signIn(accounts, "OPERATOR");
        ApiClient.Response key = api.post("/api/v1/admin/open311-keys", adminToken,
                Map.of("client", "poison-drill"), null);
        String issued = key.body().path("apiKey").asText(key.body().path("api_key").asText(""));
        if (!key.ok() || issued.isEmpty()) {
            throw new DemoException("an administrator could not issue an Open311 api_key: HTTP " + key.status() + " "
                    + key.body());
        }
        this.open311Key = issued;
    }

    private String signIn(List<DemoAccount> accounts, String role) {
        DemoAccount who = accounts.stream().filter(a -> role.equals(a.role())).findFirst()
                .orElseThrow(() -> new DemoException("the demo made no " + role + " account"));
        return api.signIn(who.username(), who.password());
    }

    /** A resident's report, the body as given. */
    HostileAnswer report(byte[] body, String contentType) {
        return answer(() -> api.postBytes("/api/v1/reports", residentToken, body, contentType, key()));
    }

    HostileAnswer report(String json) {
        return report(json.getBytes(StandardCharsets.UTF_8), JSON);
    }

    /** An operator's step on a case. */
    HostileAnswer action(String caseId, String json) {
        return answer(() -> api.postBytes("/api/v1/cases/" + caseId + "/actions", operatorToken,
                json.getBytes(StandardCharsets.UTF_8), JSON, key()));
    }

    /** An Open311 POST with the drill's own api_key, unless the form names another. */
    HostileAnswer open311(Map<String, String> form) {
        Map<String, String> withKey = new LinkedHashMap<>();
        withKey.put("api_key", open311Key);
        withKey.putAll(form);
        return open311(encode(withKey).getBytes(StandardCharsets.UTF_8));
    }

    HostileAnswer open311(byte[] formBody) {
        return answer(() -> api.postBytes("/open311/v2/requests.json", null, formBody, FORM, key()));
    }

    /** A form field list, URL-encoded as a browser would. */
    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** mobile-api's own health, with the details an administrator sees. */
    ApiClient.Response health() {
        return api.get("/manage/health", adminToken);
    }

    private static String key() {
        return "poison-" + UUID.randomUUID();
    }

    private interface Call {
        ApiClient.Response call();
    }

    private static HostileAnswer answer(Call call) {
        try {
            ApiClient.Response r = call.call();
            return HostileAnswer.http(r.status(), reason(r.body()));
        } catch (ApiException e) {
            return HostileAnswer.noAnswer(e.getMessage());
        }
    }

    /** The refusal's words: problem+json's detail (or title), Open311's error description, or the text itself. */
    static String reason(JsonNode body) {
        if (body.isArray() && body.size() > 0 && body.get(0).has("description")) {
            return body.get(0).path("description").asText();
        }
        for (String field : List.of("detail", "title", "message", "error")) {
            if (body.hasNonNull(field) && !body.get(field).asText().isBlank()) {
                return body.get(field).asText();
            }
        }
        return body.isTextual() ? body.asText() : body.isMissingNode() ? "" : body.toString();
    }
}
