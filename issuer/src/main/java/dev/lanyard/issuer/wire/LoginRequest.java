package dev.lanyard.issuer.wire;

/**
 * {@code POST /v1/login}: user name, password, one-time code (when the user enrolled TOTP), the
 * locally generated identity public key (PEM), TTL.
 */
public record LoginRequest(String user, String password, String otp, String publicKey, Long ttlSeconds) {
    @Override
    public String toString() {
        return "LoginRequest[user=" + user + "]";
    }
}
