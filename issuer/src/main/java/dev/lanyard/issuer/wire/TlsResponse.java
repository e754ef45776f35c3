package dev.lanyard.issuer.wire;

/**
 * {@code GET /v1/tls}: how the issuer served this very connection: the TLS protocol, the cipher suite
 * and the JSSE provider that ran the server side of the handshake ({@code BCJSSE} in FIPS mode,
 * {@code SunJSSE} otherwise), and whether the issuer runs in FIPS mode.
 */
public record TlsResponse(String protocol, String cipherSuite, String provider, boolean fips) {
}
