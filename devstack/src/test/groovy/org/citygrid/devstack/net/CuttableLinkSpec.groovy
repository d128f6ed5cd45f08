package org.citygrid.devstack.net

import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.net.ServerSocket
import java.net.Socket
import java.net.SocketTimeoutException

/**
 * The link in front of a real echo server on loopback: bytes pass, a cut stalls open connections and new ones
 * without closing anything, and a restore closes what the cut stalled and lets new connections through.
 */
class CuttableLinkSpec extends Specification {
    /** Long enough for loopback to answer many times over; a read expected to get nothing waits this long. */
    static final int NO_ANSWER_MS = 1500
    /** For reads that must get their answer: a loaded machine may take seconds to schedule the link's threads. */
    static final int ANSWER_MS = 30_000

    @AutoCleanup
    EchoServer echo = new EchoServer()
    @AutoCleanup
    CuttableLink link = CuttableLink.to(echo.port)
    List<Socket> clients = []

    def cleanup() {
        clients*.close()
    }

    def "bytes pass both ways while the link is up"() {
        given:
        Socket client = connect()

        expect:
        roundTrip(client, 'manhole tilted') == 'manhole tilted'
        !link.cut
    }

    def "a cut stalls an open connection: what the client sends gets no answer, and nothing is closed"() {
        given:
        Socket client = connect()
        roundTrip(client, 'before') == 'before'

        when:
        link.cut()
        send(client, 'during')
        client.soTimeout = NO_ANSWER_MS
        read(client)

        then:
        thrown(SocketTimeoutException)
        !client.closed
        link.stalledConnections() == 1
    }

    def "a connection made during the cut is accepted but hangs: it never reaches the server"() {
        given:
        link.cut()

        when:
        Socket client = connect()
        send(client, 'hello?')
        client.soTimeout = NO_ANSWER_MS
        read(client)

        then:
        thrown(SocketTimeoutException)
        echo.accepted == 0
    }

    def "restore closes the connections the cut stalled, so their clients reconnect"() {
        given:
        Socket before = connect()
        roundTrip(before, 'x')
        link.cut()
        Socket during = connect()
        // the client's connect completes in the kernel's backlog before the link takes it: wait until it holds both
        new PollingConditions(timeout: 5).eventually { assert link.stalledConnections() == 2 }

        when:
        link.restore()

        then: 'both stalled connections end at the client: end of stream'
        before.inputStream.read() == -1
        during.inputStream.read() == -1
        link.stalledConnections() == 0
    }

    def "after a restore new connections pass bytes again"() {
        given:
        link.cut()
        link.restore()

        expect:
        roundTrip(connect(), 'back again') == 'back again'
        !link.cut
    }

    def "a link to a port where nothing listens closes the client's connection, as a refusal would"() {
        given:
        int nothing = new ServerSocket(0).withCloseable { it.localPort }
        CuttableLink toNowhere = CuttableLink.to(nothing)

        when:
        Socket client = new Socket('127.0.0.1', toNowhere.port()).tap { soTimeout = ANSWER_MS }
        clients << client

        then:
        client.inputStream.read() == -1

        cleanup:
        toNowhere?.close()
    }

    private Socket connect() {
        Socket s = new Socket('127.0.0.1', link.port())
        s.soTimeout = ANSWER_MS
        clients << s
        s
    }

    private static void send(Socket s, String text) {
        s.outputStream.write((text + '\n').bytes)
        s.outputStream.flush()
    }

    private static String read(Socket s) {
        StringBuilder line = new StringBuilder()
        int c
        while ((c = s.inputStream.read()) != '\n' as char) {
            if (c < 0) {
                return null
            }
            line.append((char) c)
        }
        line.toString()
    }

    private static String roundTrip(Socket s, String text) {
        send(s, text)
        read(s)
    }

    /** Echoes every byte back; counts the connections it accepted. */
    static class EchoServer implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.loopbackAddress)
        volatile int accepted

        EchoServer() {
            Thread.ofVirtual().start {
                while (!server.closed) {
                    Socket s
                    try {
                        s = server.accept()
                    } catch (IOException ignored) {
                        return
                    }
                    accepted++
                    Thread.ofVirtual().start {
                        s.withCloseable { it.inputStream.transferTo(it.outputStream) }
                    }
                }
            }
        }

        int getPort() {
            server.localPort
        }

        void close() {
            server.close()
        }
    }
}
