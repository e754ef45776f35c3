package dev.lanyard.signer.sigv4;

/**
 * Step 1: the canonical request. Method, URI, query, canonical headers (ending in {@code \n}, so an
 * empty line follows), signed headers and the payload hash, joined by {@code \n}.
 */
public record CanonicalRequest(String method, String uri, CanonicalQuery query, CanonicalHeaders headers,
                               String payloadHash) {

    public static CanonicalRequest of(String method, String uri, CanonicalQuery query, CanonicalHeaders headers,
                                      byte[] body) {
        return new CanonicalRequest(method, uri, query, headers, Hashing.sha256Hex(body));
    }

    public String text() {
        return method + '\n' + uri + '\n' + query.text() + '\n' + headers.text() + '\n'
                + headers.signedHeaders() + '\n' + payloadHash;
    }

    public String hash() {
        return Hashing.sha256Hex(text());
    }
}
