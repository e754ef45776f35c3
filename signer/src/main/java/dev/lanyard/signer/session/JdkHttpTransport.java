package dev.lanyard.signer.session;

import dev.lanyard.signer.sigv4.CanonicalHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** {@link HttpTransport} over the JDK HTTP client (which sets {@code Host} from the URI itself). */
public final class JdkHttpTransport implements HttpTransport {
    private final HttpClient http;
    private final Duration timeout;

    public JdkHttpTransport(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public HttpReply post(URI uri, String host, List<CanonicalHeaders.Header> headers, byte[] body, String userAgent)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("User-Agent", userAgent);
        for (CanonicalHeaders.Header h : headers) {
            b.header(h.name(), h.value());
        }
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new HttpReply(response.statusCode(), response.headers().firstValue("x-amzn-errortype").orElse(null),
                response.body());
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
