package org.citygrid.demo.drills;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.citygrid.contracts.topics.Topic;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.model.geo.GeoPoint;
import org.eclipse.californium.core.coap.MediaTypeRegistry;

/**
 * The poison drill's hostile inputs, one list for every entry (issue 13): the edge node's CoAP {@code /s} and
 * {@code /r}, the API's reports and case actions, Open311's POST, and raw records produced straight onto
 * {@code grid.intake}, {@code grid.commands} and {@code grid.case-events}. Each is what a careless device or an
 * attacker would send: NUL and control characters in text, bodies over the entry's limit, the wrong content format,
 * a device or reporter that is not who it says, JSON that is broken or of the wrong shape.
 *
 * <p>Every one is built so that a single thing is wrong with it; the rest is what the entry takes from the demo's
 * own devices and people, so a refusal is a refusal of that one thing.
 */
final class HostileCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than any text the shared text rules take (2,000 characters), in Chinese: 3 bytes each. */
    private static final String TOO_LONG = "长".repeat(2_500);
    /** Over the case cycle's input limit (16 KiB, cloud-backend's InputLimit) and over any entry's body limit. */
    static final int OVERSIZED_BYTES = 17 * 1024;

    /** What the corpus needs of the running demo. */
    record Targets(EdgeDoor edge, HttpDoor http, TopicDoor topics, String sensorId, String fieldDeviceId,
                   GeoPoint at, String category, Supplier<String> caseId) {
    }

    private HostileCorpus() {
    }

    static List<HostileInput> of(Targets t) {
        List<HostileInput> corpus = new ArrayList<>();
        readings(t, corpus);
        patrolReports(t, corpus);
        apiReports(t, corpus);
        caseActions(t, corpus);
        open311(t, corpus);
        topics(t, corpus);
        return List.copyOf(corpus);
    }

    private static void readings(Targets t, List<HostileInput> corpus) {
        String s = "CoAP /s";
        String path = "/s/" + t.sensorId();
        int senml = MediaTypeRegistry.APPLICATION_SENML_JSON;
        corpus.add(new HostileInput(s, "NUL in the unit", () -> t.edge().plain(path, senml,
                senml(t.sensorId(), "Cel\u0000", 21.5))));
        corpus.add(new HostileInput(s, "control character (ESC) in the unit", () -> t.edge().plain(path, senml,
                senml(t.sensorId(), "Cel\u001b[2J", 21.5))));
        corpus.add(new HostileInput(s, "oversized body (" + OVERSIZED_BYTES / 1024 + " KiB pack)",
                () -> t.edge().plain(path, senml, oversizedPack(t.sensorId()))));
        corpus.add(new HostileInput(s, "wrong content format (text/plain)", () -> t.edge().plain(path,
                MediaTypeRegistry.TEXT_PLAIN, "21.5 Cel".getBytes(StandardCharsets.UTF_8))));
        corpus.add(new HostileInput(s, "no content format", () -> t.edge().plain(path, -1,
                senml(t.sensorId(), "Cel", 21.5))));
        corpus.add(new HostileInput(s, "unknown device", () -> t.edge().plain("/s/no-such-device", senml,
                senml("no-such-device", "Cel", 21.5))));
        corpus.add(new HostileInput(s, "bad JSON", () -> t.edge().plain(path, senml, bytes("[{\"bn\":"))));
        corpus.add(new HostileInput(s, "JSON of the wrong shape (an object)", () -> t.edge().plain(path, senml,
                bytes("{\"v\":21.5}"))));
        corpus.add(new HostileInput(s, "CBOR content format, JSON bytes", () -> t.edge().plain(path,
                MediaTypeRegistry.APPLICATION_SENML_CBOR, senml(t.sensorId(), "Cel", 21.5))));
    }

    private static void patrolReports(Targets t, List<HostileInput> corpus) {
        String r = "CoAP /r";
        int json = MediaTypeRegistry.APPLICATION_JSON;
        corpus.add(new HostileInput(r, "NUL in the text (issue 13's report)", () -> t.edge().plain("/r", json,
                patrol(t, "x\u0000y", Map.of()))));
        corpus.add(new HostileInput(r + " (DTLS)", "NUL in the text, from an authenticated device",
                () -> t.edge().dtls("/r", json, patrol(t, "x\u0000y", Map.of("device", ""))))); // DTLS: no device field
        corpus.add(new HostileInput(r, "control character (BEL) in the text", () -> t.edge().plain("/r", json,
                patrol(t, "bell\u0007", Map.of()))));
        corpus.add(new HostileInput(r, "text of 2,500 characters", () -> t.edge().plain("/r", json,
                patrol(t, TOO_LONG, Map.of()))));
        corpus.add(new HostileInput(r, "report id with a path", () -> t.edge().plain("/r", json,
                patrol(t, "ok", Map.of("id", "../../etc/passwd")))));
        corpus.add(new HostileInput(r, "wrong content format (text/plain)", () -> t.edge().plain("/r",
                MediaTypeRegistry.TEXT_PLAIN, patrol(t, "ok", Map.of()))));
        corpus.add(new HostileInput(r, "unknown device", () -> t.edge().plain("/r", json,
                patrol(t, "ok", Map.of("device", "no-such-device")))));
        corpus.add(new HostileInput(r, "reporter not linked to the device", () -> t.edge().plain("/r", json,
                patrol(t, "ok", Map.of("reporter", "someone-else")))));
        corpus.add(new HostileInput(r, "bad JSON", () -> t.edge().plain("/r", json, bytes("{\"id\":\"x\","))));
        corpus.add(new HostileInput(r, "position of the wrong type", () -> t.edge().plain("/r", json,
                patrol(t, "ok", Map.of("position", "here")))));
    }

    private static void apiReports(Targets t, List<HostileInput> corpus) {
        String a = "API reports";
        corpus.add(new HostileInput(a, "NUL in the description", () -> t.http().report(report(t, "x\u0000y", Map.of()))));
        corpus.add(new HostileInput(a, "control character (BS) in the description",
                () -> t.http().report(report(t, "back\bspace", Map.of()))));
        corpus.add(new HostileInput(a, "description of 2,500 characters", () -> t.http().report(report(t, TOO_LONG,
                Map.of()))));
        corpus.add(new HostileInput(a, "bad JSON", () -> t.http().report("{\"categoryCode\":")));
        corpus.add(new HostileInput(a, "categoryCode of the wrong type (an array)", () -> t.http().report(report(t,
                "ok", Map.of("categoryCode", List.of(1, 2))))));
        corpus.add(new HostileInput(a, "position of the wrong type", () -> t.http().report(report(t, "ok",
                Map.of("position", "here")))));
        corpus.add(new HostileInput(a, "wrong content type (text/plain)", () -> t.http().report(
                bytes(report(t, "ok", Map.of())), "text/plain")));
        corpus.add(new HostileInput(a, "oversized body (1 MiB)", () -> t.http().report(report(t,
                "x".repeat(1 << 20), Map.of()))));
    }

    private static void caseActions(Targets t, List<HostileInput> corpus) {
        String c = "API case actions";
        corpus.add(new HostileInput(c, "unknown action", () -> t.http().action(t.caseId().get(),
                "{\"type\":\"Explode\",\"expectedVersion\":1}")));
        corpus.add(new HostileInput(c, "NUL in a reason", () -> t.http().action(t.caseId().get(),
                json(Map.of("type", "Dismiss", "expectedVersion", 1, "reason", "x\u0000y")))));
        corpus.add(new HostileInput(c, "control character (ESC) in a reason", () -> t.http().action(t.caseId().get(),
                json(Map.of("type", "Dismiss", "expectedVersion", 1, "reason", "\u001b[31mred")))));
        corpus.add(new HostileInput(c, "reason of 2,500 characters", () -> t.http().action(t.caseId().get(),
                json(Map.of("type", "Dismiss", "expectedVersion", 1, "reason", TOO_LONG)))));
        corpus.add(new HostileInput(c, "expectedVersion of the wrong type", () -> t.http().action(t.caseId().get(),
                json(Map.of("type", "Dismiss", "expectedVersion", "one", "reason", "duplicate")))));
        corpus.add(new HostileInput(c, "bad JSON", () -> t.http().action(t.caseId().get(), "{\"type\":")));
    }

    private static void open311(Targets t, List<HostileInput> corpus) {
        String o = "Open311 POST";
        corpus.add(new HostileInput(o, "bad api_key", () -> t.http().open311(open311(t, "ok",
                Map.of("api_key", "not-a-key")))));
        corpus.add(new HostileInput(o, "NUL in the description", () -> t.http().open311(open311(t, "x\u0000y",
                Map.of()))));
        corpus.add(new HostileInput(o, "control character (VT) in the description", () -> t.http().open311(
                open311(t, "vertical\u000btab", Map.of()))));
        corpus.add(new HostileInput(o, "description of 2,500 characters", () -> t.http().open311(
                open311(t, TOO_LONG, Map.of()))));
        corpus.add(new HostileInput(o, "lat of the wrong type", () -> t.http().open311(open311(t, "ok",
                Map.of("lat", "north")))));
        corpus.add(new HostileInput(o, "oversized body (1 MiB)", () -> t.http().open311(open311(t,
                "x".repeat(1 << 20), Map.of()))));
    }

    private static void topics(Targets t, List<HostileInput> corpus) {
        for (Topic<?, ?> topic : List.of(TopicCatalogue.INTAKE, TopicCatalogue.COMMANDS, TopicCatalogue.CASE_EVENTS)) {
            String e = "topic " + topic.name();
            corpus.add(new HostileInput(e, "not JSON (binary, with NUL)", () -> t.topics().produce(topic, "poison-bytes",
                    new byte[] {0, 1, 2, (byte) 0xff, 'x', 0})));
            corpus.add(new HostileInput(e, "JSON of the wrong shape", () -> t.topics().produce(topic, "poison-shape",
                    bytes("{\"v\":1,\"surprise\":[1,2,3]}"))));
            corpus.add(new HostileInput(e, "oversized (" + OVERSIZED_BYTES / 1024 + " KiB)", () -> t.topics().produce(
                    topic, "poison-big", bytes("{\"v\":1,\"text\":\"" + "x".repeat(OVERSIZED_BYTES) + "\"}"))));
        }
    }

    // ------------------------------------------------------------------------------------------ bodies

    private static byte[] senml(String deviceId, String unit, double value) {
        return bytes(json(List.of(Map.of("bn", "urn:dev:" + deviceId + ":", "n", "temperature", "u", unit,
                "v", value))));
    }

    /** A well-formed SenML pack, each record a reading: only its size is wrong. */
    private static byte[] oversizedPack(String deviceId) {
        List<Map<String, Object>> pack = new ArrayList<>();
        pack.add(Map.of("bn", "urn:dev:" + deviceId + ":", "n", "temperature", "u", "Cel", "v", 21.5));
        while (json(pack).length() < OVERSIZED_BYTES) {
            pack.add(Map.of("n", "temperature", "u", "Cel", "v", 21.5, "t", -pack.size()));
        }
        return bytes(json(pack));
    }

    /** A patrol report the edge would take over plain CoAP, with {@code text} and the fields in {@code change}. */
    private static byte[] patrol(Targets t, String text, Map<String, Object> change) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", "hostile-" + Long.toHexString(System.nanoTime()));
        report.put("device", t.fieldDeviceId());
        report.put("category", t.category());
        report.put("position", Map.of("lon", t.at().lon(), "lat", t.at().lat()));
        report.put("text", text);
        report.putAll(change);
        report.values().removeIf(v -> "".equals(v));
        return bytes(json(report));
    }

    private static String report(Targets t, String description, Map<String, Object> change) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("categoryCode", t.category());
        report.put("description", description);
        report.put("position", Map.of("lon", t.at().lon(), "lat", t.at().lat()));
        report.putAll(change);
        return json(report);
    }

    private static Map<String, String> open311(Targets t, String description, Map<String, String> change) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("service_code", t.category());
        form.put("description", description);
        form.put("lat", Double.toString(t.at().lat()));
        form.put("long", Double.toString(t.at().lon()));
        form.putAll(change);
        return form;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
