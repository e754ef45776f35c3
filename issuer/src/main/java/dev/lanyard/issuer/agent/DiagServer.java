package dev.lanyard.issuer.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code diag_addr} / {@code --diag-addr HOST:PORT} ({@link DiagAddress}): {@code /livez} (the loop is running), {@code /readyz} (every output
 * holds a valid SVID: 200, else 503; the body names outputs whose renewals are failing) and {@code /metrics} (Prometheus text), on the JDK HTTP server.
 */
final class DiagServer implements AutoCloseable {
    private final HttpServer server;

    private DiagServer(HttpServer server) {
        this.server = server;
    }

    static DiagServer start(DiagAddress addr, Supplier<List<OutputState>> states, Clock clock) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(addr.host(), addr.port()), 16);
            s.createContext("/livez", ex -> reply(ex, 200, "text/plain", "ok\n"));
            s.createContext("/readyz", ex -> {
                List<OutputState> now = states.get();
                reply(ex, Metrics.ready(now, clock.instant()) ? 200 : 503, "text/plain",
                        Metrics.readiness(now, clock.instant()));
            });
            s.createContext("/metrics", ex -> reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                    Metrics.render(states.get(), clock.instant())));
            s.start();
            return new DiagServer(s);
        } catch (IOException | IllegalArgumentException e) {
            throw new LanyardException(Failure.UNAVAILABLE, "cannot listen on the diagnostics address " + addr + " ("
                    + e.getMessage() + ")");
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
