package dev.lanyard.signer.crypto;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * BouncyCastle FIPS (bc-fips) for signatures and bctls-fips for TLS, in approved-only mode. Only
 * {@link CryptoProviders} creates it, and only in FIPS mode. Approved-only mode is per thread in
 * BC-FIPS: the calling thread is switched at creation, HTTP threads by {@link #approvedOnlyInThisThread}.
 */
final class FipsProviders {
    private final Provider jca;
    private final Provider jsse;

    private FipsProviders(Provider jca, Provider jsse) {
        this.jca = jca;
        this.jsse = jsse;
    }

    static FipsProviders create() {
        try {
            Provider jca = new BouncyCastleFipsProvider();
            CryptoServicesRegistrar.setApprovedOnlyMode(true);
            Provider jsse = new BouncyCastleJsseProvider(true, jca);
            return new FipsProviders(jca, jsse);
        } catch (RuntimeException | ExceptionInInitializerError e) {
            throw new LanyardException(Failure.NOT_APPROVED, "--fips: the BouncyCastle FIPS provider failed its"
                    + " start-up self test (" + e.getMessage() + "); check that bc-fips is intact", e);
        }
    }

    void approvedOnlyInThisThread() {
        CryptoServicesRegistrar.setApprovedOnlyMode(true);
    }

    Provider jca() {
        return jca;
    }

    SSLContext tlsContext(KeyStore trust, TrustManager[] trustManagers) throws GeneralSecurityException {
        TrustManager[] tms = trustManagers;
        if (tms == null) {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", jsse);
            tmf.init(trust == null ? JdkTrustStore.load() : trust);
            tms = tmf.getTrustManagers();
        }
        SSLContext ctx = SSLContext.getInstance("TLS", jsse);
        ctx.init(null, tms, SecureRandom.getInstance("DEFAULT", jca));
        return ctx;
    }
}
