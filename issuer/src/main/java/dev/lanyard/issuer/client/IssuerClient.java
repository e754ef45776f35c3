package dev.lanyard.issuer.client;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.wire.ErrorBody;
import dev.lanyard.issuer.wire.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * JSON over HTTPS to the issuer. Error answers become the {@link LanyardException} the server
 * raised (same failure kind, same message), so exit codes match on both sides.
 */
public final class IssuerClient {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final String address;
    private final HttpClient http;

    public IssuerClient(String address, SSLContext ssl) {
        this.address = address;
        this.http = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public String address() {
        return address;
    }

    public <T> T get(String path, Class<T> type) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), type);
    }

    public <T> T post(String path, Object body, Class<T> type) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.writeCompact(body))), type);
    }

    public <T> T delete(String path, Class<T> type) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), type);
    }

    private URI uri(String path) {
        return URI.create("https://" + address + path);
    }

    private <T> T send(HttpRequest.Builder b, Class<T> type) {
        HttpResponse<String> r;
        try {
            r = http.send(b.timeout(TIMEOUT).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new LanyardException(Failure.UNAVAILABLE, "cannot reach the issuer at " + address
                    + ": connection refused (is lanyard issuer start running?)", e);
        } catch (HttpTimeoutException e) {
            throw new LanyardException(Failure.UNAVAILABLE, "the issuer at " + address + " did not answer in time", e);
        } catch (SSLException e) {
            throw new LanyardException(Failure.UNTRUSTED, "TLS with the issuer at " + address + " failed: "
                    + rootMessage(e) + " (wrong --ca-pin, or an issuer of another cluster?)", e);
        } catch (IOException e) {
            if (rootCause(e) instanceof SSLException ssl) {
                throw new LanyardException(Failure.UNTRUSTED, "TLS with the issuer at " + address + " failed: "
                        + rootMessage(ssl) + " (wrong --ca-pin, or an issuer of another cluster?)", e);
            }
            throw new LanyardException(Failure.UNAVAILABLE, "cannot reach the issuer at " + address + ": "
                    + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanyardException(Failure.UNAVAILABLE, "interrupted while calling the issuer", e);
        }
        if (r.statusCode() / 100 != 2) {
            throw error(r);
        }
        return Json.read(r.body(), type, "issuer answer");
    }

    private LanyardException error(HttpResponse<String> r) {
        try {
            ErrorBody e = Json.read(r.body(), ErrorBody.class, "issuer error");
            Failure f = Failure.valueOf(e.error());
            return new LanyardException(f, e.message());
        } catch (RuntimeException ignored) {
            return new LanyardException(r.statusCode() >= 500 ? Failure.UNAVAILABLE : Failure.REMOTE_REFUSED,
                    "the issuer at " + address + " answered HTTP " + r.statusCode());
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = rootCause(t);
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
