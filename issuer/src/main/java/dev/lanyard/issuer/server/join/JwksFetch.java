package dev.lanyard.issuer.server.join;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One GET of a JWKS URL with the JDK HTTP client: connect within 5 s, answer within 10 s, no
 * redirects, at most 256 KiB, HTTP 200 with a JWKS. Returns the set and how long to keep it
 * ({@code Cache-Control: max-age}, clamped to 1 min..1 h; 5 min without one). Every failure is
 * {@code UNAVAILABLE} with one line naming the URL and the cause.
 */
final class JwksFetch {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_REFRESH = Duration.ofMinutes(5);
    static final Duration MIN_REFRESH = Duration.ofMinutes(1);
    static final Duration MAX_REFRESH = Duration.ofHours(1);
    private static final Pattern MAX_AGE = Pattern.compile("(?i)(?:^|[,\\s])max-age\\s*=\\s*(\\d{1,9})");

    record Result(Jwks jwks, Duration refresh) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Result get(String url) {
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = r.body()) {
                body = in.readNBytes(Jwks.MAX_CHARS + 1);
            }
            if (r.statusCode() != 200) {
                throw unavailable(url + " answered HTTP " + r.statusCode());
            }
            if (body.length > Jwks.MAX_CHARS) {
                throw unavailable(url + " sent more than 256 KiB");
            }
            Jwks jwks;
            try {
                jwks = Jwks.parse(new String(body, StandardCharsets.UTF_8), url);
            } catch (LanyardException e) {
                throw unavailable(e.getMessage());
            }
            return new Result(jwks, refresh(r.headers().firstValue("Cache-Control").orElse("")));
        } catch (IOException e) {
            throw unavailable("cannot fetch " + url + " (" + describe(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while fetching " + url);
        }
    }

    static Duration refresh(String cacheControl) {
        Matcher m = MAX_AGE.matcher(cacheControl);
        if (!m.find()) {
            return DEFAULT_REFRESH;
        }
        Duration d = Duration.ofSeconds(Long.parseLong(m.group(1)));
        return d.compareTo(MIN_REFRESH) < 0 ? MIN_REFRESH : d.compareTo(MAX_REFRESH) > 0 ? MAX_REFRESH : d;
    }

    /** A cause for humans: JDK network exceptions often carry no message. */
    static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + "s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + "s";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static LanyardException unavailable(String message) {
        return new LanyardException(Failure.UNAVAILABLE, message);
    }
}
