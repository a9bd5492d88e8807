package fr.relais.system.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on loopback in front of one service: what the service answers reaches the caller {@link #delay} late
 * (set it while running), so a real service becomes a slow dependency. Requests go through at once.
 */
public final class DelayingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Duration delay = Duration.ZERO;

    public DelayingProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("delaying-proxy", this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How late every answer arrives from now on. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket caller = server.accept();
                Socket service = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(caller);
                open.add(service);
                pipe(caller, service, false);
                pipe(service, caller, true);
            } catch (IOException e) {
                // the server closed, or the service refused: the caller sees its connection closed, as it would
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean answers) {
        daemon("delaying-proxy-pipe", () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    Duration late = delay;
                    if (answers && !late.isZero()) {
                        Thread.sleep(late.toMillis());
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // either side went away: close both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        open.forEach(this::closeQuietly);
    }
}
