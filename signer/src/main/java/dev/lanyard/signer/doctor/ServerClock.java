package dev.lanyard.signer.doctor;

import dev.lanyard.signer.crypto.CryptoProviders;
import dev.lanyard.signer.session.Endpoint;
import dev.lanyard.signer.session.HttpSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Reads the endpoint's clock from the {@code Date} header of any response (an unsigned GET). */
@FunctionalInterface
public interface ServerClock {
    /** Empty when the endpoint answered without a Date header; throws IOException when unreachable. */
    Optional<Instant> dateOf(Endpoint endpoint) throws IOException;

    static ServerClock http(HttpSettings settings, CryptoProviders providers) {
        return endpoint -> {
            boolean tls = endpoint.url().getScheme().equals("https");
            HttpClient client = settings.newClient(providers, tls);
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(endpoint.url()).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                return r.headers().firstValue("date")
                        .map(d -> ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            } finally {
                client.shutdownNow();
            }
        };
    }
}
