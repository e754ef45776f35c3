package dev.lanyard.signer.sigv4;

/** Step 2: algorithm, {@code X-Amz-Date}, scope and the canonical request's hash, joined by {@code \n}. */
public record StringToSign(SigningAlgorithm algorithm, String amzDate, CredentialScope scope,
                           String canonicalRequestHash) {

    public static StringToSign of(SigningAlgorithm algorithm, String amzDate, CredentialScope scope,
                                  CanonicalRequest request) {
        return new StringToSign(algorithm, amzDate, scope, request.hash());
    }

    public String text() {
        return algorithm.headerName() + '\n' + amzDate + '\n' + scope.text() + '\n' + canonicalRequestHash;
    }
}
