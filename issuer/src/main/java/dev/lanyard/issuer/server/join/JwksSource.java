package dev.lanyard.issuer.server.join;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the JWKS a join rule names: an inline document, a file (read at each use, so a rotated file
 * is picked up), or an https URL (cached for five minutes, then fetched again; a failed fetch keeps
 * nothing, so the next join tries again).
 */
final class JwksSource {
    static final Duration URL_CACHE = Duration.ofMinutes(5);

    private record Cached(Jwks jwks, Instant fetched) {
    }

    private final Clock clock;
    private final HttpClient http;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    JwksSource(Clock clock) {
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Jwks load(JwtRule rule) {
        if (rule.jwks() != null) {
            return Jwks.parse(rule.jwks(), "jwks");
        }
        if (rule.jwksFile() != null) {
            Path p = Path.of(rule.jwksFile());
            try {
                if (Files.size(p) > Jwks.MAX_CHARS) {
                    throw unavailable(p + ": larger than 256 KiB");
                }
                return Jwks.parse(Files.readString(p, StandardCharsets.UTF_8), p.toString());
            } catch (IOException e) {
                throw unavailable("cannot read the JWKS file " + p + " (" + e.getMessage() + ")");
            }
        }
        Instant now = clock.instant();
        Cached c = cache.get(rule.jwksUrl());
        if (c != null && now.isBefore(c.fetched().plus(URL_CACHE))) {
            return c.jwks();
        }
        Jwks fresh = fetch(rule.jwksUrl());
        cache.put(rule.jwksUrl(), new Cached(fresh, now));
        return fresh;
    }

    private Jwks fetch(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw unavailable("JWKS URL " + url + " answered HTTP " + r.statusCode());
            }
            return Jwks.parse(r.body(), url);
        } catch (IOException e) {
            throw unavailable("cannot fetch the JWKS from " + url + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while fetching the JWKS from " + url);
        }
    }

    private static LanyardException unavailable(String message) {
        return new LanyardException(Failure.UNAVAILABLE, message);
    }
}
