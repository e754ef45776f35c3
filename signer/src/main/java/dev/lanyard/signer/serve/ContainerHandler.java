package dev.lanyard.signer.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lanyard.signer.refresh.RefreshingCredentials;
import dev.lanyard.signer.session.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The ECS-style container credentials endpoint: {@code GET /v1/credentials} with the
 * {@code Authorization} header equal to the per-start token (compared in constant time), for
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} + {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}.
 */
final class ContainerHandler implements HttpHandler {
    static final String PATH = "/v1/credentials";

    private final byte[] token;
    private final RefreshingCredentials credentials;

    ContainerHandler(String token, RefreshingCredentials credentials) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.credentials = credentials;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (!path.equals(PATH) && !path.equals(PATH + "/")) {
            Replies.json(exchange, 404, "{\"message\":\"not found\"}");
            return;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            Replies.json(exchange, 405, "{\"message\":\"method not allowed\"}");
            return;
        }
        String presented = exchange.getRequestHeaders().getFirst("Authorization");
        if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            Replies.json(exchange, 401, "{\"message\":\"missing or wrong Authorization token\"}");
            return;
        }
        Optional<Credentials> c = credentials.current();
        if (c.isEmpty()) {
            Replies.json(exchange, 500, "{\"message\":\"no valid credentials: the last refresh failed; see the lanyard-signer log\"}");
            return;
        }
        Replies.json(exchange, 200, CredentialDocuments.container(c.get()));
    }
}
