package org.clinicflow.booking.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain TCP connection to the real Keycloak that a test can cut and restore, as a network fault would: while cut,
 * nothing listens on the port and callers see "connection refused". Not a stand-in: every byte is Keycloak's.
 */
final class CuttableLink implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    CuttableLink(int targetPort) {
        this.targetPort = targetPort;
        this.port = org.clinicflow.localstack.FreePorts.pick();
        restore();
    }

    int port() {
        return port;
    }

    synchronized void restore() {
        if (listener != null) {
            return;
        }
        try {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
            Thread.ofVirtual().start(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void cut() {
        close(listener);
        listener = null;
        open.forEach(CuttableLink::close);
        open.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                var caller = socket.accept();
                var keycloak = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(caller);
                open.add(keycloak);
                Thread.ofVirtual().start(() -> pump(caller, keycloak));
                Thread.ofVirtual().start(() -> pump(keycloak, caller));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // One side closed: the other follows below.
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException ignored) {
            // Closing is all that was asked.
        }
    }

    @Override
    public void close() {
        cut();
    }
}
