package dev.lanyard.issuer.wire;

/** {@code POST /v1/users/NAME/password}: a new password, with the one-time setup token unless the caller is an admin. */
public record PasswordRequest(String password, String token) {
    @Override
    public String toString() {
        return "PasswordRequest[]";
    }
}
