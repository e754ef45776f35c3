package dev.lanyard.emulator.store;

import java.time.Instant;

/** An imported certificate revocation list; {@code crlData} is the bytes as imported (PEM or DER). */
public record Crl(String id, String name, boolean enabled, String trustAnchorId, byte[] crlData,
                  Instant createdAt, Instant updatedAt) {
    public Crl withEnabled(boolean value, Instant now) {
        return new Crl(id, name, value, trustAnchorId, crlData, createdAt, now);
    }
}
