package dev.lanyard.signer.crypto;

import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.crypto.FipsPolicy;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.sigv4.SigningAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The one place the signer chooses its crypto provider: the JDK's in {@link CryptoMode#DEFAULT};
 * BouncyCastle FIPS in approved-only mode (and bctls-fips for TLS) in {@link CryptoMode#FIPS}.
 * BouncyCastle classes are only loaded in FIPS mode, so the default path never pays for them.
 * In FIPS mode every refusal of the provider (BC-FIPS throws an {@link AssertionError} subclass)
 * becomes one {@link Failure#NOT_APPROVED} line, made by {@link #refusal}.
 */
public final class CryptoProviders {
    private final CryptoMode mode;
    private final Consumer<String> providerLog;
    private FipsProviders fips;

    /** For library use (the SDK provider): BouncyCastle's java.util.logging output is left as configured. */
    public CryptoProviders(CryptoMode mode) {
        this(mode, null);
    }

    /**
     * For the CLI: in FIPS mode BouncyCastle's java.util.logging records go to {@code providerLog} (the
     * command's debug sink, silent without {@code --debug}) instead of stderr.
     */
    public CryptoProviders(CryptoMode mode, Consumer<String> providerLog) {
        this.mode = mode;
        this.providerLog = providerLog;
    }

    public CryptoMode mode() {
        return mode;
    }

    private FipsProviders fips() {
        if (fips == null) {
            fips = FipsProviders.create(providerLog);
        }
        return fips;
    }

    /** A key usable with {@link #signature}: in FIPS mode re-imported into the FIPS provider. */
    public PrivateKey importKey(PrivateKey key) {
        if (mode == CryptoMode.DEFAULT) {
            return key;
        }
        return fips().importKey(key);
    }

    /**
     * In FIPS mode, refuses a certificate whose key FIPS does not approve (RSA under 2048 bits, an EC
     * curve other than P-256, P-384, P-521) before it is used: BC-FIPS itself signs with some of them
     * (secp256k1). {@code source} names the certificate. Does nothing in default mode.
     */
    public void requireApproved(X509Certificate certificate, String source) {
        if (mode == CryptoMode.FIPS) {
            FipsPolicy.check(certificate.getPublicKey(), "--fips: " + source);
        }
    }

    public Signature signature(String jcaName) throws GeneralSecurityException {
        return mode == CryptoMode.DEFAULT ? Signature.getInstance(jcaName) : Signature.getInstance(jcaName, fips().jca());
    }

    /** Signs {@code data} with {@code algorithm}; a provider refusal becomes one clear line. */
    public byte[] sign(SigningAlgorithm algorithm, PrivateKey key, byte[] data) {
        return sign(algorithm.jcaName(), key, data);
    }

    /** Signs {@code data} with the JCA signature {@code jcaName}; a provider refusal becomes one clear line. */
    public byte[] sign(String jcaName, PrivateKey key, byte[] data) {
        if (mode == CryptoMode.FIPS) {
            return fips().sign(jcaName, key, data);
        }
        try {
            Signature s = signature(jcaName);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, "cannot sign with the " + key.getAlgorithm()
                    + " key (" + e.getMessage() + ")", e);
        }
    }

    public boolean verify(SigningAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature v = signature(algorithm.jcaName());
            v.initVerify(key);
            v.update(data);
            return v.verify(signature);
        } catch (GeneralSecurityException | RuntimeException | AssertionError e) {
            if (e instanceof AssertionError a && !FipsPolicy.isRefusal(a)) {
                throw a;
            }
            return false;
        }
    }

    /**
     * The one {@link Failure#NOT_APPROVED} failure for {@code t}, a BC-FIPS refusal (or, from the FIPS
     * provider, any failure to use a key); {@code what} names the operation. Any other error is rethrown.
     */
    public static LanyardException refusal(String what, Throwable t) {
        if (t instanceof Error e && !FipsPolicy.isRefusal(e)) {
            throw e;
        }
        String reason = t.getMessage();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (FipsPolicy.isRefusal(c) && !FipsPolicy.isRefusal(c.getCause())) {
                reason = c.getMessage();
                break;
            }
        }
        return new LanyardException(Failure.NOT_APPROVED, "--fips: " + what + " in FIPS approved-only mode (" + reason
                + "); use an RSA key of at least 2048 bits or an EC key on P-256, P-384 or P-521", t);
    }

    /** A TLS 1.2+ context trusting {@code trust} (null: the JDK's default trust store). */
    public SSLContext tlsContext(KeyStore trust) {
        try {
            if (mode == CryptoMode.DEFAULT) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, tmf.getTrustManagers(), null);
                return ctx;
            }
            return fips().tlsContext(trust, null);
        } catch (GeneralSecurityException e) {
            throw new LanyardException(Failure.INTERNAL, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** A TLS context that accepts any server certificate ({@code --no-verify-ssl}). */
    public SSLContext insecureTlsContext() {
        try {
            TrustManager[] trustAll = {InsecureTrustManager.INSTANCE};
            if (mode == CryptoMode.DEFAULT) {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, trustAll, new SecureRandom());
                return ctx;
            }
            return fips().tlsContext(null, trustAll);
        } catch (GeneralSecurityException e) {
            throw new LanyardException(Failure.INTERNAL, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Threads for the HTTP client: in FIPS mode each one runs in approved-only mode. */
    public ThreadFactory threadFactory() {
        ThreadFactory base = Thread.ofPlatform().daemon().name("lanyard-http-", 0).factory();
        if (mode == CryptoMode.DEFAULT) {
            return base;
        }
        FipsProviders f = fips();
        return r -> base.newThread(() -> {
            f.approvedOnlyInThisThread();
            r.run();
        });
    }

    /** The FIPS provider for callers that need it by name (tests, doctor). */
    public Provider jcaProvider() {
        return mode == CryptoMode.DEFAULT ? null : fips().jca();
    }
}
