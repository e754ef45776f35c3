package dev.lanyard.issuer.wire;

import java.util.List;

/**
 * The answer to {@link CaProofRequest}: the issuer's host CA pin and TLS certificate hash as it sees
 * them, and one proof per trusted SPIFFE CA (the current CA, and the next one during a rotation): the
 * CA certificate (PEM), its pin, and a signature by that CA's private key over the
 * {@link CaProofStatement} for this nonce, host CA and TLS certificate. The client recomputes the
 * statement from what it saw on the wire; the claimed pins here are for messages only.
 */
public record CaProofResponse(String cluster, String hostCaPin, String tlsCertificate, List<Proof> proofs) {
    public CaProofResponse {
        proofs = proofs == null ? List.of() : List.copyOf(proofs);
    }

    /** One SPIFFE CA's proof of possession; {@code signature} is base64 (DER ECDSA or PKCS#1 v1.5 RSA). */
    public record Proof(String caPin, String certificate, String signatureAlgorithm, String signature) {
    }
}
