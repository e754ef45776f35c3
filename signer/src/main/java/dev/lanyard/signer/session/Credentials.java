package dev.lanyard.signer.session;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.time.Instant;

/**
 * Temporary AWS credentials. {@code expiration} is kept as the service sent it (RFC 3339 UTC), as the
 * reference helper passes it through verbatim. {@link #toString()} never shows the secrets.
 */
public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken, String expiration) {
    public Credentials {
        if (accessKeyId == null || accessKeyId.isEmpty() || secretAccessKey == null || secretAccessKey.isEmpty()
                || sessionToken == null || sessionToken.isEmpty() || expiration == null) {
            throw new LanyardException(Failure.REMOTE_REFUSED,
                    "CreateSession returned incomplete credentials (a key, secret, token or expiration is missing)");
        }
        expiresAt(expiration);
    }

    public Instant expiresAt() {
        return expiresAt(expiration);
    }

    private static Instant expiresAt(String expiration) {
        Instant at = Rfc3339.parse(expiration);
        if (at == null) {
            throw new LanyardException(Failure.REMOTE_REFUSED, "CreateSession returned an expiration \""
                    + expiration + "\" that is not an RFC 3339 timestamp");
        }
        return at;
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
}
