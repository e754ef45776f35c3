package dev.lanyard.common.crypto;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.crypto.fips.FipsStatus;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;

/**
 * Installs BouncyCastle FIPS. Kept in its own class so that nothing in default mode loads a
 * BouncyCastle class: this class is only loaded when FIPS mode is selected.
 */
final class BcFips {
    private BcFips() {
    }

    static synchronized SecureRandom install() {
        // The property must be set before the BC-FIPS module initialises to apply to every thread.
        System.setProperty(CryptoProviders.APPROVED_ONLY_PROPERTY, "true");
        try {
            Provider existing = Security.getProvider(CryptoProviders.FIPS_PROVIDER);
            if (existing == null) {
                Security.insertProviderAt(new BouncyCastleFipsProvider(), 1);
            } else if (!Security.getProviders()[0].getName().equals(CryptoProviders.FIPS_PROVIDER)) {
                Security.removeProvider(CryptoProviders.FIPS_PROVIDER);
                Security.insertProviderAt(existing, 1);
            }
            if (!CryptoServicesRegistrar.isInApprovedOnlyMode()) {
                CryptoServicesRegistrar.setApprovedOnlyMode(true);
            }
            if (!FipsStatus.isReady()) {
                throw new LanyardException(Failure.INTERNAL,
                        "the BouncyCastle FIPS module failed its self-tests: " + FipsStatus.getStatusMessage());
            }
            return SecureRandom.getInstance("DEFAULT", CryptoProviders.FIPS_PROVIDER);
        } catch (LanyardException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            throw new LanyardException(Failure.INTERNAL, "cannot start FIPS mode: BouncyCastle FIPS (bc-fips) is"
                    + " missing or broken (" + e + "); check the installation or run without --fips", e);
        }
    }
}
