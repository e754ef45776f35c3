package dev.lanyard.signer.sigv4;

import java.util.List;

/**
 * The result of signing, with every intermediate string so {@code --debug} and tests can show them.
 * {@link #headers} are the headers to send (the signed ones plus {@code Authorization}) except
 * {@code Host}, which the HTTP client sets itself from the URI.
 */
public record SignedRequest(String amzDate, CanonicalRequest canonicalRequest, StringToSign stringToSign,
                            AuthorizationHeader authorization, List<CanonicalHeaders.Header> headers) {

    public String canonicalRequestText() {
        return canonicalRequest.text();
    }

    public String stringToSignText() {
        return stringToSign.text();
    }

    public String authorizationValue() {
        return authorization.value();
    }
}
