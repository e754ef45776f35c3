package dev.lanyard.issuer.server.store;

import dev.lanyard.issuer.resource.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * All persistent state of an issuer, in plain SQL behind one small interface (an embedded database
 * now; PostgreSQL later). Resources are stored as canonical JSON documents. Every method commits
 * before it returns.
 */
public interface Store extends AutoCloseable {
    Optional<String> meta(String key);

    void putMeta(String key, String value);

    Optional<String> resource(Kind kind, String name);

    List<String> resources(Kind kind);

    /** Stores the document; if one exists, replaces it when {@code replace}, else returns false. */
    boolean putResource(Kind kind, String name, String json, boolean replace);

    /** Deletes the resource; true when this call removed it (so a token is consumed exactly once). */
    boolean deleteResource(Kind kind, String name);

    Optional<String> passwordHash(String user);

    void setPasswordHash(String user, String hash);

    void deletePasswordHash(String user);

    /** The user's TOTP secret (base32), if enrolled. */
    Optional<String> totpSecret(String user);

    void setTotpSecret(String user, String secret);

    /**
     * Appends an audit event durably (it is committed when this returns). An issued certificate is
     * recorded by its event alone, which holds the serial: serials are 128 random bits from a CSPRNG
     * (unique per CA without a registry, as RFC 5280 practice has it); a table keyed by serial made
     * every issuance rewrite a random B-tree page and was dropped (schema 3).
     */
    void append(AuditEvent event);

    List<AuditEvent> audit(Instant since, String spiffeId, int limit);

    @Override
    void close();
}
