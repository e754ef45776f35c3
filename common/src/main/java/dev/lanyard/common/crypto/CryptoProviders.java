package dev.lanyard.common.crypto;

import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;

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

    /**
     * The mode this process runs in now: {@link CryptoMode#FIPS} when {@link #install} put BC-FIPS first in
     * the provider list in approved-only mode, else {@link CryptoMode#DEFAULT}. Reads the JCA provider list
     * and a system property only, so default mode still loads no BouncyCastle class.
     */
    public static CryptoMode active() {
        Provider[] providers = Security.getProviders();
        boolean first = providers.length > 0 && providers[0].getName().equals(FIPS_PROVIDER);
        return first && Boolean.getBoolean(APPROVED_ONLY_PROPERTY) ? CryptoMode.FIPS : CryptoMode.DEFAULT;
    }

    private static boolean onClassPath(String resource) {
        ClassLoader loader = CryptoProviders.class.getClassLoader();
        return loader != null && loader.getResource(resource) != null;
    }
}
