package dev.lanyard.signer.serve;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK HTTP server on one address with a small fixed pool of daemon handler threads. Responses are
 * small and fixed-length, so connections stay alive; TCP_NODELAY is on so a keep-alive client never
 * waits on Nagle's algorithm.
 */
public final class LocalServer implements AutoCloseable {
    static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    private LocalServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static LocalServer start(InetAddress bind, int port, HttpHandler handler) {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 128);
        } catch (BindException e) {
            throw new LanyardException(Failure.UNAVAILABLE, "cannot listen on " + bind.getHostAddress() + ":" + port + " ("
                    + e.getMessage() + "); choose another --port (0 picks a free one)", e);
        } catch (IOException e) {
            throw new LanyardException(Failure.UNAVAILABLE, "cannot listen on " + bind.getHostAddress() + ":" + port + " ("
                    + e.getMessage() + ")", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS,
                Thread.ofPlatform().daemon().name("lanyard-serve-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        return new LocalServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetAddress address() {
        return server.getAddress().getAddress();
    }

    /** {@code http://HOST:PORT} with IPv6 literals bracketed. */
    public String baseUrl() {
        String host = address().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host.replaceAll("%.*$", "") + "]";
        }
        return "http://" + host + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
