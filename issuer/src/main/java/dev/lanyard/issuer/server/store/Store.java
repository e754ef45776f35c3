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

    void append(AuditEvent event);

    /** Records an issued certificate's serial and its audit event in one transaction. */
    void recordIssued(String serialHex, String subject, Instant notAfter, AuditEvent event);

    List<AuditEvent> audit(Instant since, String spiffeId, int limit);

    @Override
    void close();
}
