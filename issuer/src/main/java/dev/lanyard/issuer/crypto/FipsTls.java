package dev.lanyard.issuer.crypto;

import dev.lanyard.common.crypto.CryptoContext;
import dev.lanyard.common.crypto.CryptoProviders;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * TLS in FIPS mode: the BouncyCastle JSSE provider in FIPS mode over BC-FIPS, inserted right after
 * BC-FIPS and ahead of SunJSSE, so that every default {@code SSLContext.getInstance("TLS")} (the
 * issuer's HTTPS server through Vert.x/Netty, and its clients) is BCJSSE's, which offers only FIPS
 * cipher suites and does its crypto in BC-FIPS. Must run before the HTTP server is created.
 */
public final class FipsTls {
    private FipsTls() {
    }

    public static void install(CryptoContext crypto) {
        if (!crypto.fips()) {
            return;
        }
        if (crypto.tlsProvider() == null) {
            throw new LanyardException(Failure.INTERNAL, "cannot start FIPS mode: BouncyCastle JSSE (bctls-fips) is "
                    + "missing from the installation");
        }
        synchronized (FipsTls.class) {
            if (Security.getProvider(CryptoProviders.FIPS_TLS_PROVIDER) == null) {
                Provider fips = Security.getProvider(CryptoProviders.FIPS_PROVIDER);
                Security.insertProviderAt(new BouncyCastleJsseProvider(true, fips), 2);
            }
            // BCJSSE's key manager (alias PKIX), not SunJSSE's SunX509, picks the server's key for BCJSSE.
            Security.setProperty("ssl.KeyManagerFactory.algorithm", "PKIX");
        }
    }
}
