package org.mekongledger.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback between a service process and PostgreSQL, so a test can make the database
 * "restart" (every connection cut, new ones refused for a while) without touching the real server,
 * which other test runs share.
 */
final class PostgresProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile long refuseUntilNanos;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong severed = new AtomicLong();
    private final Thread acceptor;

    PostgresProxy(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = daemon("pg-proxy-accept", this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** "PostgreSQL restarted": every open connection is cut now and new ones are refused for {@code outage}. */
    void outage(Duration outage) {
        refuseUntilNanos = System.nanoTime() + outage.toNanos();
        severAll();
    }

    /** Cuts every open connection (new ones are accepted at once). */
    void severAll() {
        for (Socket socket : open) {
            closeQuietly(socket);
            severed.incrementAndGet();
        }
    }

    long refusedConnections() {
        return refused.get();
    }

    long severedSockets() {
        return severed.get();
    }

    private boolean refusing() {
        return System.nanoTime() - refuseUntilNanos < 0;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            if (refusing()) {
                refused.incrementAndGet();
                closeQuietly(client); // the driver sees the connection reset, as with a server shutting down
                continue;
            }
            Socket server = new Socket();
            try {
                server.connect(target, 2000);
            } catch (IOException unreachable) {
                closeQuietly(client);
                continue;
            }
            open.add(client);
            open.add(server);
            pump(client, server);
            pump(server, client);
        }
    }

    private void pump(Socket from, Socket to) {
        daemon("pg-proxy-pump", () -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (SocketException cut) {
                // severed by a test, or closed by the other side
            } catch (IOException broken) {
                // same: the relay ends with either side
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        severAll();
    }
}
