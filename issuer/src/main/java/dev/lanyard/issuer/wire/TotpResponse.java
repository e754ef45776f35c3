package dev.lanyard.issuer.wire;

/** {@code POST /v1/users/NAME/totp}: the new TOTP secret (base32) and its {@code otpauth://} URI, shown once. */
public record TotpResponse(String user, String totpSecret, String totpUri) {
}
