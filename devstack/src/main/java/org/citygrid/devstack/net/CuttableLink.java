package org.citygrid.devstack.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback in front of one server, which can be cut the way a neighbourhood's failed uplink cuts
 * it off, and restored.
 *
 * <p>A cut is a dead link, not a polite refusal: nothing is closed or reset. Open connections stop passing bytes
 * in either direction (what arrives is dropped, as packets into a black hole), and new connections are accepted
 * but never reach the server, so they hang. A client therefore learns of the cut only through its own timeouts,
 * which is what a cut is meant to exercise. No firewall rules: CI runners may not allow iptables.
 *
 * <p>{@link #restore()} lets new connections through again and closes every connection the cut stalled: over a
 * real link that was down for minutes they would have died of retransmission timeouts, and a half-forwarded
 * byte stream must not be resumed. Clients then reconnect.
 *
 * <p>One virtual thread accepts; each connection that passes gets two (one per direction).
 */
public final class CuttableLink implements AutoCloseable {
    private static final int CHUNK = 16 * 1024;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    /** Guarded by this; a connection accepted while cut is stalled from the start. */
    private boolean cut;
    private volatile boolean closed;

    private CuttableLink(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
        this.acceptor = Thread.ofVirtual().name("cuttable-link-accept-" + listener.getLocalPort()).start(this::accept);
    }

    /** A link from a free port on 127.0.0.1 to 127.0.0.1:{@code targetPort}, passing bytes until cut. */
    public static CuttableLink to(int targetPort) {
        return to(0, targetPort);
    }

    /**
     * A link from 127.0.0.1:{@code port} (0: a free one) to 127.0.0.1:{@code targetPort}. The server need not
     * listen yet: each connection is made to it only when a client connects.
     */
    public static CuttableLink to(int port, int targetPort) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(loopback, port), 64);
            return new CuttableLink(listener, new InetSocketAddress(loopback, targetPort));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " for a link to port " + targetPort, e);
        }
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** {@code 127.0.0.1:PORT}, e.g. as a Kafka client's bootstrap.servers. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Cuts the link: every open connection stalls, and new ones hang. Does nothing when already cut. */
    public synchronized void cut() {
        cut = true;
        connections.forEach(Connection::stall);
    }

    /**
     * Restores the link: new connections reach the server again, and the connections stalled by the cut are
     * closed, so their clients reconnect. Does nothing when not cut.
     */
    public synchronized void restore() {
        if (!cut) {
            return;
        }
        cut = false;
        List<Connection> stalled = new ArrayList<>();
        connections.stream().filter(Connection::stalled).forEach(stalled::add);
        stalled.forEach(Connection::close);
    }

    public synchronized boolean isCut() {
        return cut;
    }

    /** Connections open through the link right now, stalled ones included. */
    public int openConnections() {
        return connections.size();
    }

    /** Connections the cut holds: open, but passing nothing. */
    public int stalledConnections() {
        return (int) connections.stream().filter(Connection::stalled).count();
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.forEach(Connection::close);
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "CuttableLink[" + address() + " -> " + target.getPort() + (isCut() ? ", cut" : "") + "]";
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue; // one failed accept (a client gone before we took it) does not end the link
            }
            Connection connection = new Connection(client);
            boolean stalled;
            synchronized (this) {
                connections.add(connection);
                stalled = cut;
                if (stalled) {
                    connection.stall(); // held open, never connected on: the client's request hangs
                }
            }
            if (!stalled) {
                Thread.ofVirtual().name("cuttable-link-" + port() + "-connect").start(connection::connect);
            }
        }
    }

    /** One client's connection and, once made, its connection to the server. */
    private final class Connection {
        private final Socket client;
        private volatile Socket server;
        private volatile boolean stalled;
        private volatile boolean open = true;

        Connection(Socket client) {
            this.client = client;
        }

        void connect() {
            try {
                Socket s = new Socket();
                s.connect(target, 10_000);
                s.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
                server = s;
                if (!open) {
                    s.close(); // closed (restore, close) while connecting
                    return;
                }
            } catch (IOException e) {
                close(); // the server is not there: the client sees its connection closed, as with a refusal
                return;
            }
            Thread.ofVirtual().name("cuttable-link-" + port() + "-up").start(() -> pump(client, server));
            pump(server, client);
        }

        /**
         * Copies bytes from one side to the other until either side closes; while stalled, what arrives is read
         * and dropped (a black hole): nothing reaches the other side, and the sender gets no sign of it.
         */
        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[CHUNK];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!stalled) {
                        out.write(buffer, 0, n);
                    }
                }
            } catch (SocketException e) {
                // one side closed or reset: the connection is over
            } catch (IOException e) {
                // the same, by another exception
            } finally {
                close();
            }
        }

        void stall() {
            stalled = true;
        }

        boolean stalled() {
            return stalled;
        }

        void close() {
            open = false;
            connections.remove(this);
            closeQuietly(client);
            closeQuietly(server);
        }

        private static void closeQuietly(Socket socket) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }
    }
}
