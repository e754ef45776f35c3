package dev.lanyard.signer.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lanyard.signer.refresh.RefreshingCredentials;
import dev.lanyard.signer.session.Credentials;
import java.io.IOException;
import java.util.Optional;

/**
 * The IMDSv2 routes the AWS SDKs use (spec §3.5), each with and without a trailing slash:
 * {@code PUT /latest/api/token}, {@code GET /latest/meta-data/iam/security-credentials} (the role name)
 * and {@code GET /latest/meta-data/iam/security-credentials/ROLE} (the credentials).
 */
final class ImdsHandler implements HttpHandler {
    static final String TOKEN_PATH = "/latest/api/token";
    static final String CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials";
    static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
    static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";

    private final TokenStore tokens;
    private final RefreshingCredentials credentials;
    private final String roleName;

    ImdsHandler(TokenStore tokens, RefreshingCredentials credentials, String roleName) {
        this.tokens = tokens;
        this.credentials = credentials;
        this.roleName = roleName;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String method = exchange.getRequestMethod();
        if (path.equals(TOKEN_PATH)) {
            if (!method.equals("PUT")) {
                Replies.text(exchange, 405, "method not allowed");
                return;
            }
            token(exchange);
        } else if (path.equals(CREDENTIALS_PATH) || path.equals(CREDENTIALS_PATH + "/" + roleName)) {
            if (!method.equals("GET")) {
                Replies.text(exchange, 405, "method not allowed");
                return;
            }
            long remaining = check(exchange);
            if (remaining < 0) {
                return;
            }
            exchange.getResponseHeaders().set(TTL_HEADER, Long.toString(remaining));
            if (path.equals(CREDENTIALS_PATH)) {
                Replies.text(exchange, 200, roleName);
            } else {
                serveCredentials(exchange);
            }
        } else {
            Replies.text(exchange, 404, "not found");
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        if (exchange.getRequestHeaders().containsKey("X-Forwarded-For")) {
            Replies.text(exchange, 400, "unable to process requests with X-Forwarded-For header");
            return;
        }
        String ttlText = exchange.getRequestHeaders().getFirst(TTL_HEADER);
        if (ttlText == null) {
            ttlText = Integer.toString(TokenStore.MAX_TTL_SECONDS);
        }
        int ttl;
        try {
            ttl = Integer.parseInt(ttlText.trim());
        } catch (NumberFormatException e) {
            ttl = -1;
        }
        if (ttl < 1 || ttl > TokenStore.MAX_TTL_SECONDS) {
            Replies.text(exchange, 400, "invalid token TTL");
            return;
        }
        exchange.getResponseHeaders().set(TTL_HEADER, ttlText.trim());
        Replies.text(exchange, 200, tokens.issue(ttl));
    }

    /** The token's remaining seconds, or -1 after answering 401. */
    private long check(HttpExchange exchange) throws IOException {
        String token = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (token == null || token.isEmpty()) {
            Replies.text(exchange, 401, "no token provided");
            return -1;
        }
        long remaining = tokens.remainingSeconds(token);
        if (remaining < 0) {
            Replies.text(exchange, 401, "invalid token provided");
        }
        return remaining;
    }

    private void serveCredentials(HttpExchange exchange) throws IOException {
        Optional<Credentials> c = credentials.current();
        if (c.isEmpty()) {
            Replies.text(exchange, 500, "no valid credentials: the last refresh failed; see the lanyard-signer log");
            return;
        }
        Replies.text(exchange, 200, CredentialDocuments.imds(c.get(), credentials.lastUpdated()));
    }
}
