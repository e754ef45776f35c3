package dev.lanyard.issuer.wire;

/**
 * {@code POST /v1/ca/proof}: a fresh client nonce (16 to 64 random bytes, base64url without padding)
 * that the issuer signs with its SPIFFE CA key(s); see {@link CaProofStatement}.
 */
public record CaProofRequest(String nonce) {
}
