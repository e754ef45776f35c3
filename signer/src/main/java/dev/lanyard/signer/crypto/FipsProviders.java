package dev.lanyard.signer.crypto;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * BouncyCastle FIPS (bc-fips) for signatures and bctls-fips for TLS, in approved-only mode. Only
 * {@link CryptoProviders} creates it, once per instance and only in FIPS mode. Approved-only mode is
 * per thread in BC-FIPS: the calling thread is switched at creation, HTTP threads by
 * {@link #approvedOnlyInThisThread}. Every BC-FIPS refusal (an {@link AssertionError}) becomes
 * {@link CryptoProviders#refusal}.
 */
final class FipsProviders {
    /**
     * BC-FIPS 2.x otherwise copies its native (JNI) variant to a new directory under java.io.tmpdir at
     * every start, which the signer's one-shot path (it halts, no shutdown hooks) never deletes; the
     * pure-Java variant is the same validated module and starts faster. A value set by the user wins.
     */
    static final String CPU_VARIANT = "org.bouncycastle.native.cpu_variant";

    private final Provider jca;
    @SuppressWarnings("unused") // held: JUL keeps loggers weakly, and the level must outlive this call
    private final BcLogs logs;
    private Provider jsse;

    private FipsProviders(Provider jca, BcLogs logs) {
        this.jca = jca;
        this.logs = logs;
    }

    /** Creates the providers; BouncyCastle's own log records go to {@code providerLog} only (null: untouched). */
    static FipsProviders create(Consumer<String> providerLog) {
        if (System.getProperty(CPU_VARIANT) == null) {
            System.setProperty(CPU_VARIANT, "java");
        }
        BcLogs logs = providerLog == null ? null : BcLogs.routeTo(providerLog);
        try {
            Provider jca = new BouncyCastleFipsProvider();
            CryptoServicesRegistrar.setApprovedOnlyMode(true);
            return new FipsProviders(jca, logs);
        } catch (RuntimeException | ExceptionInInitializerError e) {
            throw new LanyardException(Failure.NOT_APPROVED,
                    "--fips: the BouncyCastle FIPS provider failed its start-up self test (" + e.getMessage()
                            + "); check that bc-fips is intact", e);
        }
    }

    PrivateKey importKey(PrivateKey key) {
        try {
            String alg = key.getAlgorithm().startsWith("ML-DSA") ? "ML-DSA" : key.getAlgorithm();
            return KeyFactory.getInstance(alg, jca).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException | AssertionError e) {
            throw CryptoProviders.refusal("the " + key.getAlgorithm() + " private key cannot be used", e);
        }
    }

    byte[] sign(String jcaName, PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(jcaName, jca);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException | RuntimeException | AssertionError e) {
            throw CryptoProviders.refusal("cannot sign with the " + key.getAlgorithm() + " key (" + jcaName + ")", e);
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
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", jsse());
            tmf.init(trust == null ? JdkTrustStore.load() : trust);
            tms = tmf.getTrustManagers();
        }
        SSLContext ctx = SSLContext.getInstance("TLS", jsse());
        ctx.init(null, tms, SecureRandom.getInstance("DEFAULT", jca));
        return ctx;
    }

    /** The JSSE provider, made on first TLS use (a plain-http endpoint never needs it). */
    private synchronized Provider jsse() {
        if (jsse == null) {
            jsse = new BouncyCastleJsseProvider(true, jca);
        }
        return jsse;
    }
}
