package org.citygrid.api.testkit

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/** An operator's connection to {@code /api/v1/operator/live}, read as lines on a thread of its own. */
class LiveStream {

    final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>()
    /** Counted down when the server ends the stream. */
    final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1)

    private LiveStream() {
    }

    /** Connects and returns once the stream has said it is connected, so that events sent after are seen. */
    static LiveStream open(String baseUrl, String accessToken) {
        def live = new LiveStream()
        def request = HttpRequest.newBuilder(URI.create("${baseUrl}/api/v1/operator/live"))
                .header('Authorization', "Bearer ${accessToken}").header('Accept', 'text/event-stream').build()
        def stream = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines())
        assert stream.statusCode() == 200
        Thread.startDaemon {
            try {
                stream.body().forEach { live.lines << it }
            } catch (UncheckedIOException ignored) {
                // the server ended the stream
            } finally {
                live.ended.countDown()
            }
        }
        def first = []
        while (!first.any { it?.startsWith('event:') && it.contains('connected') } && first.size() < 10) {
            first << live.lines.poll(30, TimeUnit.SECONDS)
        }
        live
    }

    /** Whether the server ended the stream within {@code seconds}. */
    boolean endsWithin(long seconds) {
        ended.await(seconds, TimeUnit.SECONDS)
    }

    /**
     * The lines read until a {@code data:} line containing {@code text} (included); fails when the stream
     * stays silent for 30 s. Bounded by lines, not by a clock: the event is among the first once it is sent.
     */
    List<String> until(String text) {
        def seen = []
        for (int i = 0; i < 200 && !seen.any { it.startsWith('data:') && it.contains(text) }; i++) {
            def line = lines.poll(30, TimeUnit.SECONDS)
            assert line != null: "the live stream went silent before an event with ${text}"
            seen << line
        }
        seen
    }
}
