package dev.lanyard.signer.session;

import dev.lanyard.common.aws.Region;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.signer.sigv4.CanonicalHeaders;
import dev.lanyard.signer.sigv4.RequestToSign;
import dev.lanyard.signer.sigv4.SignedRequest;
import dev.lanyard.signer.sigv4.X509RequestSigner;
import java.io.IOException;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * CreateSession over an {@link HttpTransport} (the JDK HTTP client, or a plain socket for {@code http://}). Retries 429, 5xx and connection failures with exponential
 * backoff, at most {@link #MAX_ATTEMPTS} attempts, each signed afresh (a new {@code X-Amz-Date}).
 * Closing it closes the transport, so the JVM can exit without waiting for the selector thread.
 */
public final class RolesAnywhereClient implements AutoCloseable {
    public static final int MAX_ATTEMPTS = 3;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpTransport http;
    private final Endpoint endpoint;
    private final X509RequestSigner signer;
    private final Sleeper sleeper;
    private final Consumer<String> debug;
    private final String userAgent;

    public RolesAnywhereClient(HttpClient http, Endpoint endpoint, X509RequestSigner signer, Sleeper sleeper,
                               Consumer<String> debug, String userAgent) {
        this(new JdkHttpTransport(http, REQUEST_TIMEOUT), endpoint, signer, sleeper, debug, userAgent);
    }

    public RolesAnywhereClient(HttpTransport http, Endpoint endpoint, X509RequestSigner signer, Sleeper sleeper,
                               Consumer<String> debug, String userAgent) {
        this.http = http;
        this.endpoint = endpoint;
        this.signer = signer;
        this.sleeper = sleeper;
        this.debug = debug;
        this.userAgent = userAgent;
    }

    public Credentials createSession(CreateSessionRequest request, SigningIdentity identity, Region region) {
        LanyardException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                backoff(attempt);
            }
            SignedRequest signed = sign(request, identity, region);
            debug.accept("CreateSession attempt " + attempt + " of " + MAX_ATTEMPTS + ": POST " + endpoint.url());
            debug.accept("canonical request:\n" + signed.canonicalRequestText());
            debug.accept("string to sign:\n" + signed.stringToSignText());
            HttpReply response;
            try {
                String query = dev.lanyard.signer.sigv4.CanonicalQuery.of(request.query()).text();
                response = http.post(java.net.URI.create(endpoint.url() + "?" + query), endpoint.host(), signed.headers(),
                        request.body(), userAgent);
            } catch (SSLException e) {
                throw new LanyardException(Failure.UNTRUSTED, "TLS with " + endpoint + " failed (" + e.getMessage()
                        + "); set AWS_CA_BUNDLE to the endpoint's CA bundle, or use --no-verify-ssl for a test endpoint", e);
            } catch (IOException e) {
                last = new LanyardException(Failure.UNAVAILABLE, "cannot reach " + endpoint + " ("
                        + describe(e) + "); check --endpoint, the network and HTTPS_PROXY/NO_PROXY", e);
                debug.accept("attempt " + attempt + " failed: " + describe(e));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LanyardException(Failure.UNAVAILABLE, "interrupted while calling " + endpoint, e);
            }
            int status = response.status();
            debug.accept("HTTP " + status + " from " + endpoint.url());
            if (status / 100 == 2) {
                return CreateSessionResponse.parse(response.body());
            }
            AwsError error = AwsError.parse(status, response.errorType(), response.body());
            last = error.toException();
            if (status != 429 && status < 500) {
                throw last;
            }
        }
        throw last;
    }

    SignedRequest sign(CreateSessionRequest request, SigningIdentity identity, Region region) {
        List<byte[]> chain = new ArrayList<>();
        for (X509Certificate c : identity.chain()) {
            chain.add(Certificates.der(c));
        }
        RequestToSign toSign = new RequestToSign("POST", endpoint.host(), endpoint.path(), request.query(),
                "application/json", request.body(), identity.leaf().getSerialNumber(),
                Certificates.der(identity.leaf()), chain, region);
        return signer.sign(toSign, identity.algorithm(), identity.signer());
    }

    private void backoff(int attempt) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << (attempt - 2));
        debug.accept("retrying in " + wait.toMillis() + " ms");
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanyardException(Failure.UNAVAILABLE, "interrupted while waiting to retry " + endpoint, e);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.net.ConnectException) {
            return m == null || m.isBlank() ? "connection refused" : m;
        }
        if (e instanceof java.net.http.HttpTimeoutException || e instanceof java.net.SocketTimeoutException) {
            return "timed out";
        }
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    @Override
    public void close() {
        http.close();
    }
}
