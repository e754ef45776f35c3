package dev.lanyard.emulator.auth;

/** Step 2 of SigV4: algorithm, X-Amz-Date, scope and the hex SHA-256 of the canonical request. */
public record StringToSign(String text) {
    public static StringToSign of(String algorithm, String amzDate, CredentialScope scope, CanonicalRequest canonical) {
        return new StringToSign(algorithm + "\n" + amzDate + "\n" + scope + "\n" + canonical.sha256());
    }
}
