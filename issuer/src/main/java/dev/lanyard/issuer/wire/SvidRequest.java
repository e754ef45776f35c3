package dev.lanyard.issuer.wire;

import java.util.List;

/**
 * {@code POST /v1/svid}: a PKIX public key (PEM, {@code PUBLIC KEY}) or a PKCS#10 CSR (PEM; only its
 * key is used, after its signature proves possession), the SPIFFE path, extra SANs and the TTL.
 */
public record SvidRequest(String spiffePath, String publicKey, String csr, List<String> dnsSans,
                          List<String> ipSans, Long ttlSeconds) {
}
