package dev.lanyard.signer.crypto;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.sigv4.SigningAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.crypto.fips.FipsUnapprovedOperationError;
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

    PrivateKey importKey(PrivateKey key) {
        try {
            String alg = key.getAlgorithm().startsWith("ML-DSA") ? "ML-DSA" : key.getAlgorithm();
            return KeyFactory.getInstance(alg, jca).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException | FipsUnapprovedOperationError e) {
            throw notApproved("the " + key.getAlgorithm() + " private key cannot be used", e);
        }
    }

    byte[] sign(SigningAlgorithm algorithm, PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(algorithm.jcaName(), jca);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException | RuntimeException | FipsUnapprovedOperationError e) {
            throw notApproved("cannot sign with the " + key.getAlgorithm() + " key", e);
        }
    }

    private static LanyardException notApproved(String what, Throwable e) {
        return new LanyardException(Failure.NOT_APPROVED, "--fips: " + what + " in FIPS approved-only mode ("
                + e.getMessage() + "); use an RSA key of at least 2048 bits or an EC key on P-256, P-384 or P-521", e);
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
