package dev.lanyard.signer.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server on loopback that answers from a script of responses and records what it received.
 * For the cases the emulator cannot produce on demand (5xx, throttling, odd error bodies); the
 * round-trip tests use the real emulator.
 */
public final class ScriptedEndpoint implements AutoCloseable {
    public record Response(int status, Map<String, String> headers, String body) {
    }

    public record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final String scheme;
    private final Deque<Response> script = new ArrayDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    public ScriptedEndpoint() throws IOException {
        this(null);
    }

    /** With {@code tls}, an HTTPS server using that context (e.g. {@link TestPki#serverContext}). */
    public ScriptedEndpoint(javax.net.ssl.SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(address, 0);
            scheme = "http";
        } else {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            server = https;
            scheme = "https";
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString().startsWith("http")
                    ? exchange.getRequestURI().toString() : exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            Response r;
            synchronized (script) {
                r = script.size() > 1 ? script.poll() : script.peek();
            }
            if (r == null) {
                r = new Response(500, Map.of(), "{\"message\":\"no scripted response\"}");
            }
            byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        server.start();
    }

    /** Queues responses; the last one repeats. */
    public ScriptedEndpoint respond(Response... responses) {
        synchronized (script) {
            script.addAll(List.of(responses));
        }
        return this;
    }

    public String url() {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public static Response created(String accessKeyId, String expiration) {
        return new Response(201, Map.of(), "{\"credentialSet\":[{\"assumedRoleUser\":{\"arn\":\"arn:aws:sts::123456789012:"
                + "assumed-role/example-service/s\",\"assumedRoleId\":\"AROA:s\"},\"credentials\":{\"accessKeyId\":\""
                + accessKeyId + "\",\"expiration\":\"" + expiration + "\",\"secretAccessKey\":\"secret-" + accessKeyId
                + "\",\"sessionToken\":\"token-" + accessKeyId + "\"},\"packedPolicySize\":0,\"roleArn\":"
                + "\"arn:aws:iam::123456789012:role/example-service\",\"sourceIdentity\":\"CN=x\"}],"
                + "\"subjectArn\":\"arn:aws:rolesanywhere:us-east-1:123456789012:subject/1\"}");
    }

    public static Response error(int status, String type, String body) {
        return new Response(status, type == null ? Map.of() : Map.of("X-Amzn-ErrorType", type), body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
