package org.citygrid.demo.simulator;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.citygrid.demo.api.ApiClient;
import org.citygrid.demo.api.ApiException;
import org.citygrid.demo.api.DemoAccount;

/**
 * The command desk's screen: the operator's live stream of case events ({@code GET /api/v1/operator/live}),
 * from which it notes the cases handlers returned and the extension requests waiting for a decision. The API
 * offers no list of either (see docs/demo.md), so the stream is the only way an operator learns of them; what
 * happens while the stream is down is missed, as the API's documentation says.
 */
final class CommandDesk implements AutoCloseable {
    private final ApiClient api;
    private final DemoAccount operator;
    private final PrintStream out;
    private final Set<String> returned = ConcurrentHashMap.newKeySet();
    private final Set<String> extensionRequests = ConcurrentHashMap.newKeySet();
    private final Thread reader;
    private volatile ApiClient.EventStream current;
    private volatile boolean closed;

    CommandDesk(ApiClient api, DemoAccount operator, PrintStream out) {
        this.api = api;
        this.operator = operator;
        this.out = out;
        this.reader = Thread.ofPlatform().name("command-desk").daemon().unstarted(this::watch);
    }

    CommandDesk start() {
        reader.start();
        return this;
    }

    /** Cases returned since the desk last took them; taking empties the list. */
    List<String> takeReturned() {
        return take(returned);
    }

    /** Cases whose handler asked for an extension since the desk last took them. */
    List<String> takeExtensionRequests() {
        return take(extensionRequests);
    }

    /** The operator at the desk: the one whose turn also runs the desk's work. */
    DemoAccount operator() {
        return operator;
    }

    private static List<String> take(Set<String> ids) {
        List<String> taken = List.copyOf(ids);
        ids.removeAll(taken);
        return taken;
    }

    private void watch() {
        while (!closed) {
            try (ApiClient.EventStream stream = api.openStream("/api/v1/operator/live",
                    api.signIn(operator.username(), operator.password()))) {
                current = stream;
                if (stream.status() != 200) {
                    out.println("people: the operator's live stream answered HTTP " + stream.status());
                    pause(30_000);
                    continue;
                }
                for (ApiClient.ServerSentEvent e = stream.next(); e != null && !closed; e = stream.next()) {
                    String caseId = e.data().path("caseId").asText("");
                    if (caseId.isEmpty()) {
                        continue; // "connected", or an event without a case
                    }
                    switch (e.name()) {
                        case "Returned" -> returned.add(caseId);
                        case "ExtensionRequested" -> extensionRequests.add(caseId);
                        default -> {
                        }
                    }
                }
            } catch (ApiException e) {
                // API down or sign-in refused (429 included): try again a little later
                if (!closed) {
                    out.println("people: the operator's live stream: " + e.getMessage());
                }
            }
            pause(5_000);
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        ApiClient.EventStream stream = current;
        if (stream != null) {
            stream.close();
        }
        reader.interrupt();
    }
}
