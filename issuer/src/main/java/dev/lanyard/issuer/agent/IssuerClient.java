package dev.lanyard.issuer.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * JSON over HTTPS to the issuer with the JDK HttpClient (no Quarkus in the bot). One instance per TLS
 * set-up: the probe before the first join, or the pinned host CA with or without the bot identity.
 * Issuer refusals keep the issuer's failure kind and message; a connection failure is
 * {@code UNAVAILABLE}.
 */
final class IssuerClient {
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** A response with the TLS chain the server presented. */
    record Reply(JsonNode body, List<X509Certificate> serverChain) {
    }

    private final String server;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    IssuerClient(String server, SSLContext tls) {
        this.server = server;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private URI uri(String path) {
        return URI.create("https://" + server + path);
    }

    private Reply send(HttpRequest.Builder b) {
        HttpRequest req = b.timeout(TIMEOUT).header("Accept", "application/json").build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unavailable("cannot connect (" + describe(e) + ")", e);
        } catch (HttpTimeoutException e) {
            throw unavailable("no answer within " + TIMEOUT.toSeconds() + "s", e);
        } catch (SSLException e) {
            throw new LanyardException(Failure.UNTRUSTED, server + ": TLS failed (" + describe(e)
                    + "); is the CA pin right and the bot identity current?", e);
        } catch (IOException e) {
            throw unavailable("connection failed (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted", e);
        }
        JsonNode body = parse(resp.body());
        if (resp.statusCode() / 100 != 2) {
            throw refused(resp.statusCode(), body);
        }
        return new Reply(body, chain(resp));
    }

    private JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode().put("message", "(unreadable answer)");
        }
    }

    private LanyardException refused(int status, JsonNode body) {
        String message = body.path("message").asText("HTTP " + status);
        Failure failure;
        try {
            failure = Failure.valueOf(body.path("error").asText(""));
        } catch (IllegalArgumentException e) {
            failure = status >= 500 ? Failure.UNAVAILABLE : Failure.REMOTE_REFUSED;
        }
        if (failure == Failure.INTERNAL) {
            failure = Failure.UNAVAILABLE;
        }
        return new LanyardException(failure, "issuer " + server + " refused: " + message);
    }

    private static List<X509Certificate> chain(HttpResponse<String> resp) {
        List<X509Certificate> out = new ArrayList<>();
        resp.sslSession().ifPresent(s -> {
            try {
                for (Certificate c : s.getPeerCertificates()) {
                    if (c instanceof X509Certificate x) {
                        out.add(x);
                    }
                }
            } catch (SSLPeerUnverifiedException e) {
                // no chain: the caller refuses
            }
        });
        return out;
    }

    private LanyardException unavailable(String what, Exception e) {
        return new LanyardException(Failure.UNAVAILABLE, "issuer " + server + " unreachable: " + what, e);
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
