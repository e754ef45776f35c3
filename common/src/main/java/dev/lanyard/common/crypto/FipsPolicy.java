package dev.lanyard.common.crypto;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.List;
import java.util.Map;

/**
 * What FIPS mode accepts, checked before a key or certificate is used: RSA of at least 2048 bits,
 * EC on P-256, P-384 or P-521, ML-DSA, Ed25519/Ed448; certificate signatures without SHA-1 or MD5.
 * Everything else is refused with {@link Failure#NOT_APPROVED} and one line naming the input.
 * (ML-DSA is approved by FIPS 204, but the BC-FIPS 2.1 module has no ML-DSA: asking the FIPS
 * provider for it fails with a NOT_APPROVED "not available in FIPS mode" line.)
 */
public final class FipsPolicy {
    public static final int MIN_RSA_BITS = 2048;
    /**
     * The shortest password BC-FIPS accepts for password-based key derivation (PBKDF2, BCFKS key stores):
     * 112 bits, counted as 8 bits per character.
     */
    public static final int MIN_PASSWORD_CHARS = 14;
    /** Approved named curves by OID. */
    public static final Map<String, String> APPROVED_CURVES = Map.of(
            "1.2.840.10045.3.1.7", "P-256",
            "1.3.132.0.34", "P-384",
            "1.3.132.0.35", "P-521");
    private static final List<String> APPROVED_OTHER = List.of("ML-DSA", "ML-DSA-44", "ML-DSA-65", "ML-DSA-87",
            "Ed25519", "Ed448", "EdDSA");
    /** Signature algorithm OIDs built on MD2, MD5 or SHA-1. */
    private static final Map<String, String> WEAK_SIGNATURES = Map.of(
            "1.2.840.113549.1.1.2", "MD2withRSA",
            "1.2.840.113549.1.1.4", "MD5withRSA",
            "1.2.840.113549.1.1.5", "SHA1withRSA",
            "1.3.14.3.2.29", "SHA1withRSA",
            "1.2.840.10045.4.1", "SHA1withECDSA",
            "1.2.840.10040.4.3", "SHA1withDSA");

    private FipsPolicy() {
    }

    public static void check(PublicKey key) {
        check(key, "key");
    }

    public static void check(X509Certificate certificate) {
        check(certificate, "certificate");
    }

    /** Refuses a key FIPS mode does not approve; {@code source} names it (a file, "leaf certificate"). */
    public static void check(PublicKey key, String source) {
        switch (key.getAlgorithm()) {
            case "RSA", "RSASSA-PSS" -> {
                int bits = ((RSAKey) key).getModulus().bitLength();
                if (bits < MIN_RSA_BITS) {
                    throw refuse(source + ": RSA " + bits + "-bit key is not approved in FIPS mode;"
                            + " use RSA 2048 bits or more");
                }
            }
            case "EC" -> {
                String curve = KeyCurves.namedCurveOid(key);
                if (curve == null || !APPROVED_CURVES.containsKey(curve)) {
                    throw refuse(source + ": EC curve " + (curve == null ? "(explicit parameters)" : curve)
                            + " is not approved in FIPS mode; use P-256, P-384 or P-521");
                }
            }
            default -> {
                if (!APPROVED_OTHER.contains(key.getAlgorithm())) {
                    throw refuse(source + ": " + key.getAlgorithm() + " keys are not approved in FIPS mode;"
                            + " use RSA (2048+), EC (P-256, P-384, P-521) or ML-DSA");
                }
            }
        }
    }

    /** Refuses a certificate whose key or signature FIPS mode does not approve. */
    public static void check(X509Certificate certificate, String source) {
        String subject = source + " (" + certificate.getSubjectX500Principal().getName() + ")";
        String weak = WEAK_SIGNATURES.get(certificate.getSigAlgOID());
        if (weak != null) {
            throw refuse(subject + ": signature algorithm " + weak + " is not approved in FIPS mode;"
                    + " re-issue the certificate with SHA-256 or stronger");
        }
        check(certificate.getPublicKey(), subject);
    }

    /**
     * True when {@code t} is BouncyCastle FIPS refusing a non-approved operation. BC-FIPS signals that
     * with an {@link AssertionError} subclass, which ordinary exception handling would let escape as a
     * stack trace; callers turn it into {@link #refusal}. Checked by class name so that default mode
     * loads no BouncyCastle class.
     */
    public static boolean isRefusal(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getClass().getName().startsWith("org.bouncycastle.crypto.fips.FipsUnapprovedOperation")) {
                return true;
            }
        }
        return false;
    }

    /** The one-line {@link Failure#NOT_APPROVED} failure for a refused operation; {@code what} names it. */
    public static LanyardException refusal(String what, Throwable t) {
        return new LanyardException(Failure.NOT_APPROVED, what + " is not approved in FIPS mode (" + t.getMessage()
                + "); use approved keys and algorithms or run without --fips", t);
    }

    /** Rethrows a BC-FIPS refusal as {@link #refusal}, any other error as it is. */
    public static RuntimeException rethrow(String what, AssertionError e) {
        if (isRefusal(e)) {
            throw refusal(what, e);
        }
        throw e;
    }

    private static LanyardException refuse(String message) {
        return new LanyardException(Failure.NOT_APPROVED, message);
    }
}
