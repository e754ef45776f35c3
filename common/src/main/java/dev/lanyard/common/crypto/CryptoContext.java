package dev.lanyard.common.crypto;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The crypto set-up Lanyard runs with, created once at start-up by {@link CryptoProviders#install}
 * and passed down. {@code provider} is the JCA provider name to ask for (null: the JDK's default
 * provider order); {@code keyStoreType} is {@code PKCS12} by default and {@code BCFKS} in FIPS mode;
 * {@code tlsProvider} is {@code BCJSSE} in FIPS mode when bctls-fips is on the class path (the
 * caller installs it), otherwise null.
 */
public record CryptoContext(CryptoMode mode, String provider, String keyStoreType, String tlsProvider,
                            SecureRandom random) {
    public CryptoContext {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(keyStoreType, "keyStoreType");
        Objects.requireNonNull(random, "random");
    }

    public boolean fips() {
        return mode == CryptoMode.FIPS;
    }

    public Signature signature(String algorithm) {
        return lookup("signature algorithm " + algorithm,
                () -> provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider));
    }

    public KeyFactory keyFactory(String algorithm) {
        return lookup("key algorithm " + algorithm,
                () -> provider == null ? KeyFactory.getInstance(algorithm) : KeyFactory.getInstance(algorithm, provider));
    }

    /** A key pair generator of this mode's provider, e.g. {@code EC} (initialise it with {@link #random()}). */
    public KeyPairGenerator keyPairGenerator(String algorithm) {
        return lookup("key algorithm " + algorithm, () -> provider == null ? KeyPairGenerator.getInstance(algorithm)
                : KeyPairGenerator.getInstance(algorithm, provider));
    }

    /** A JCA {@code getInstance} call of this mode's provider. */
    private interface Lookup<T> {
        T get() throws GeneralSecurityException;
    }

    /** Runs {@code lookup}; a missing algorithm or a BC-FIPS refusal becomes one clear failure naming {@code what}. */
    private <T> T lookup(String what, Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (GeneralSecurityException e) {
            throw unavailable(what, e);
        } catch (AssertionError e) {
            throw FipsPolicy.rethrow(what, e);
        }
    }

    /** An empty key store of {@link #keyStoreType()}, loaded and ready for entries. */
    public KeyStore newKeyStore() {
        try {
            KeyStore ks = provider == null ? KeyStore.getInstance(keyStoreType)
                    : KeyStore.getInstance(keyStoreType, provider);
            ks.load(null, null);
            return ks;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw unavailable("key store type " + keyStoreType, e);
        }
    }

    /** In FIPS mode, refuses a non-approved key ({@link FipsPolicy}); does nothing in default mode. */
    public void requireApproved(PublicKey key, String source) {
        if (fips()) {
            FipsPolicy.check(key, source);
        }
    }

    /** In FIPS mode, refuses a non-approved certificate ({@link FipsPolicy}); does nothing in default mode. */
    public void requireApproved(X509Certificate certificate, String source) {
        if (fips()) {
            FipsPolicy.check(certificate, source);
        }
    }

    private LanyardException unavailable(String what, Exception e) {
        if (fips()) {
            return new LanyardException(Failure.NOT_APPROVED, what + " is not available in FIPS mode ("
                    + e.getMessage() + "); use an approved algorithm or run without --fips", e);
        }
        return new LanyardException(Failure.INTERNAL, what + " is not available in this JDK (" + e.getMessage() + ")", e);
    }
}
