package org.citygrid.api.testkit

import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import java.nio.charset.StandardCharsets

/**
 * HTTP/1.1 written by hand on a socket, for what ordinary clients will not do: send the request line
 * exactly as given ({@code //api/v1/auth/sign-in}, {@code /API/V1/...}), and come from a chosen
 * loopback address (127.0.0.2, 127.0.0.3...: all of 127/8 reaches the server, and the server sees each
 * as a different client), as an attacker rotating addresses would.
 */
class RawHttp {

    final int status
    final Map<String, String> headers
    final String body

    private RawHttp(int status, Map<String, String> headers, String body) {
        this.status = status
        this.headers = headers
        this.body = body
    }

    /** The body read as JSON, or null when there is none. */
    Object getJson() {
        body ? new JsonSlurper().parseText(body) : null
    }

    String header(String name) {
        headers[name.toLowerCase(Locale.ROOT)]
    }

    static RawHttp post(URL server, String from, String path, Map json, Map<String, String> extraHeaders = [:]) {
        send(server, from, 'POST', path, 'application/json', JsonOutput.toJson(json), extraHeaders)
    }

    static RawHttp send(URL server, String from, String method, String path, String contentType, String body,
                        Map<String, String> extraHeaders = [:]) {
        def socket = new Socket()
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0))
        socket.connect(new InetSocketAddress('127.0.0.1', server.port), 5000)
        socket.soTimeout = 30_000
        socket.withCloseable {
            byte[] content = (body ?: '').getBytes(StandardCharsets.UTF_8)
            def head = new StringBuilder("${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n")
            head << "Connection: close\r\nAccept: application/json\r\nContent-Length: ${content.length}\r\n"
            if (contentType) {
                head << "Content-Type: ${contentType}\r\n"
            }
            extraHeaders.each { k, v -> head << "${k}: ${v}\r\n" }
            head << '\r\n'
            socket.outputStream.write(head.toString().getBytes(StandardCharsets.US_ASCII))
            socket.outputStream.write(content)
            socket.outputStream.flush()
            read(socket.inputStream)
        }
    }

    private static RawHttp read(InputStream input) {
        byte[] all = input.readAllBytes()
        int split = indexOf(all, '\r\n\r\n'.bytes, 0)
        def lines = new String(all, 0, split, StandardCharsets.US_ASCII).split('\r\n')
        int status = lines[0].split(' ')[1] as int
        Map<String, String> headers = lines.drop(1).collectEntries { String line ->
            int colon = line.indexOf(':')
            [(line.substring(0, colon).trim().toLowerCase(Locale.ROOT)): line.substring(colon + 1).trim()]
        }
        byte[] rest = Arrays.copyOfRange(all, split + 4, all.length)
        if (headers['transfer-encoding']?.equalsIgnoreCase('chunked')) {
            rest = unchunk(rest)
        }
        new RawHttp(status, headers, new String(rest, StandardCharsets.UTF_8))
    }

    private static byte[] unchunk(byte[] chunked) {
        def out = new ByteArrayOutputStream()
        int at = 0
        while (true) {
            int eol = indexOf(chunked, '\r\n'.bytes, at)
            int size = Integer.parseInt(new String(chunked, at, eol - at, StandardCharsets.US_ASCII).split(';')[0].trim(), 16)
            if (size == 0) {
                return out.toByteArray()
            }
            out.write(chunked, eol + 2, size)
            at = eol + 2 + size + 2
        }
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        for (int i = from; i <= data.length - what.length; i++) {
            if (Arrays.equals(data, i, i + what.length, what, 0, what.length)) {
                return i
            }
        }
        throw new IllegalStateException('not an HTTP answer: ' + new String(data, StandardCharsets.UTF_8).take(200))
    }
}
