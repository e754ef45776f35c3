package dev.lanyard.signer.sigv4;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;

/**
 * The three SigV4-X509 algorithms: the name in the {@code Authorization} header and the JCA signature
 * algorithm that computes it (SHA-256 on every EC curve; the JCA output of ECDSA is already DER).
 */
public enum SigningAlgorithm {
    RSA("AWS4-X509-RSA-SHA256", "SHA256withRSA"),
    ECDSA("AWS4-X509-ECDSA-SHA256", "SHA256withECDSA"),
    MLDSA("AWS4-X509-MLDSA", "ML-DSA");

    private final String headerName;
    private final String jcaName;

    SigningAlgorithm(String headerName, String jcaName) {
        this.headerName = headerName;
        this.jcaName = jcaName;
    }

    public String headerName() {
        return headerName;
    }

    public String jcaName() {
        return jcaName;
    }

    /** From a key's {@link java.security.Key#getAlgorithm()}: RSA, EC, ML-DSA (or ML-DSA-44/65/87). */
    public static SigningAlgorithm forKeyAlgorithm(String keyAlgorithm) {
        if (keyAlgorithm.equals("RSA")) {
            return RSA;
        }
        if (keyAlgorithm.equals("EC") || keyAlgorithm.equals("ECDSA")) {
            return ECDSA;
        }
        if (keyAlgorithm.startsWith("ML-DSA") || keyAlgorithm.startsWith("MLDSA")) {
            return MLDSA;
        }
        throw new LanyardException(Failure.KEY_OR_CERTIFICATE, "unsupported key type " + keyAlgorithm
                + " for Roles Anywhere (RSA, EC or ML-DSA expected)");
    }
}
