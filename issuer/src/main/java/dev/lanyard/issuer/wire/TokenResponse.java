package dev.lanyard.issuer.wire;

/** A created user or bot and its one-time token ({@code token} is null when a password was set). */
public record TokenResponse(String name, String kind, String token, String expires) {
}
