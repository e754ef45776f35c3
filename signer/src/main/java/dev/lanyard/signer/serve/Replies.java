package dev.lanyard.signer.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes one complete response with a fixed length (keep-alive friendly) and closes the exchange. */
final class Replies {
    private Replies() {
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            drain(exchange.getRequestBody());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
            if (!head && bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body);
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[512];
        int total = 0;
        int n;
        while (total < 65536 && (n = in.read(buf)) > 0) {
            total += n;
        }
    }
}
