package dev.lanyard.common.crypto;

import java.security.SecureRandom;

/**
 * Selects the crypto providers for the process, once, at start-up.
 *
 * <ul>
 *   <li>{@link CryptoMode#DEFAULT}: the JDK providers, untouched. No BouncyCastle class is loaded, so
 *       the signer's one-shot path stays lean.</li>
 *   <li>{@link CryptoMode#FIPS}: BouncyCastle FIPS ({@code BCFIPS}) at position 1 in approved-only mode;
 *       key stores are {@code BCFKS}; randomness is the provider's DRBG.</li>
 * </ul>
 * The JCA provider list (and, in FIPS mode, the BC-FIPS approved-only system property) is the only
 * global state touched; installing FIPS twice is harmless. Call it first thing in {@code main}, before
 * any other BouncyCastle use, so approved-only mode applies to every thread.
 */
public final class CryptoProviders {
    /** The JCA name of the BouncyCastle FIPS provider. */
    public static final String FIPS_PROVIDER = "BCFIPS";
    /** The JCA name of the BouncyCastle JSSE provider (bctls-fips), for TLS in FIPS mode. */
    public static final String FIPS_TLS_PROVIDER = "BCJSSE";
    /** The system property that puts BouncyCastle FIPS in approved-only mode for every thread. */
    public static final String APPROVED_ONLY_PROPERTY = "org.bouncycastle.fips.approved_only";

    private CryptoProviders() {
    }

    public static CryptoContext install(CryptoMode mode) {
        if (mode == CryptoMode.FIPS) {
            SecureRandom random = BcFips.install();
            String tls = onClassPath("org/bouncycastle/jsse/provider/BouncyCastleJsseProvider.class")
                    ? FIPS_TLS_PROVIDER : null;
            return new CryptoContext(CryptoMode.FIPS, FIPS_PROVIDER, "BCFKS", tls, random);
        }
        return new CryptoContext(CryptoMode.DEFAULT, null, "PKCS12", null, new SecureRandom());
    }

    private static boolean onClassPath(String resource) {
        ClassLoader loader = CryptoProviders.class.getClassLoader();
        return loader != null && loader.getResource(resource) != null;
    }
}
