package dev.lanyard.issuer.wire;

/** The issued X509-SVID (PEM), the trust bundle (PEM) and what was granted, including any TTL cap. */
public record SvidResponse(String spiffeId, String serial, String certificate, String bundle, String notAfter,
                           long ttlSeconds, long requestedTtlSeconds, boolean capped, String capReason) {
}
