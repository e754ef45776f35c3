package dev.lanyard.issuer.wire;

/** {@code POST /v1/login}: user name, password, the locally generated identity public key (PEM), TTL. */
public record LoginRequest(String user, String password, String publicKey, Long ttlSeconds) {
    @Override
    public String toString() {
        return "LoginRequest[user=" + user + "]";
    }
}
