package dev.lanyard.issuer.client;

/** {@code ~/.lanyard/profile.json}: the current login. */
public record Profile(String proxy, String user, String cluster, String notAfter) {
}
