package fr.relais.smssink;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/** jsmpp's own factory listens on every interface; the devstack's parts listen on 127.0.0.1 only. */
final class LoopbackServerConnectionFactory implements ServerConnectionFactory {

    private volatile ServerSocket socket;

    @Override
    public ServerConnection listen(int port) throws IOException {
        return listen(port, 0, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
        server.setSoTimeout(timeout);
        socket = server;
        return new ServerSocketConnection(server);
    }

    /** The port actually bound (the one asked for, or the one the system chose for 0). */
    int boundPort() {
        return socket.getLocalPort();
    }
}
