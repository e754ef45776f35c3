package dev.lanyard.issuer.wire;

/** A client identity from the host/user CA (login, bot join): certificate PEM, host CA PEM, expiry. */
public record IdentityResponse(String name, String cluster, String certificate, String hostCa, String notAfter) {
}
