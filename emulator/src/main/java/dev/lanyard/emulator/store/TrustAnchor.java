package dev.lanyard.emulator.store;

import java.time.Instant;

/** A Roles Anywhere trust anchor of type CERTIFICATE_BUNDLE: up to two CA certificates as PEM. */
public record TrustAnchor(String id, String name, boolean enabled, String sourceType, String certificateBundle,
                          Instant createdAt, Instant updatedAt) {
    public TrustAnchor withEnabled(boolean value, Instant now) {
        return new TrustAnchor(id, name, value, sourceType, certificateBundle, createdAt, now);
    }
}
