package dev.lanyard.issuer.server.service;

import dev.lanyard.common.crypto.CryptoProviders;
import dev.lanyard.common.crypto.FipsPolicy;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes as {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>} (PBKDF2-HMAC-SHA256,
 * approved in FIPS mode; 600,000 iterations by default, 16-byte salt, 32-byte hash). In FIPS mode
 * BC-FIPS refuses PBKDF2 passwords under 112 bits, so passwords need {@link #MIN_LENGTH_FIPS}
 * characters there, and a stored hash checked against a shorter password is simply a mismatch.
 */
public final class Passwords {
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int MIN_LENGTH = 12;
    /** 14 characters = 112 bits as BC-FIPS counts a PBKDF2 password (8 bits per character). */
    public static final int MIN_LENGTH_FIPS = 14;
    private final int iterations;
    private final SecureRandom random;

    public Passwords(int iterations, SecureRandom random) {
        this.iterations = iterations;
        this.random = random;
    }

    /** The shortest password accepted in the process's crypto mode. */
    public static int minLength() {
        return fipsActive() ? MIN_LENGTH_FIPS : MIN_LENGTH;
    }

    /**
     * FIPS mode as {@code CryptoProviders.active()} in newer {@code common} tells it (BC-FIPS first in
     * the provider list, approved-only): kept here until that method is in every build of common.
     */
    static boolean fipsActive() {
        Provider[] providers = Security.getProviders();
        return providers.length > 0 && providers[0].getName().equals(CryptoProviders.FIPS_PROVIDER)
                && Boolean.getBoolean(CryptoProviders.APPROVED_ONLY_PROPERTY);
    }

    public String hash(char[] password) {
        int min = minLength();
        if (password.length < min) {
            throw new LanyardException(Failure.INVALID_INPUT, "password is too short: use at least " + min
                    + " characters");
        }
        if (password.length > 1024) {
            throw new LanyardException(Failure.INVALID_INPUT, "password is longer than 1024 characters");
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        byte[] hash;
        try {
            hash = derive(password, salt, iterations);
        } catch (AssertionError e) {
            throw FipsPolicy.rethrow("PBKDF2 with this password", e);
        }
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * Constant-time check; a null hash (unknown user) still costs one derivation. A password that
     * FIPS mode refuses to derive from (too short) cannot match: false, as for a wrong password.
     */
    public boolean verify(char[] password, String stored) {
        try {
            return check(password, stored);
        } catch (AssertionError e) {
            if (FipsPolicy.isRefusal(e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean check(char[] password, String stored) {
        if (stored == null) {
            derive(password, new byte[16], iterations);
            return false;
        }
        String[] p = stored.split("\\$");
        if (p.length != 4 || !p[0].equals("pbkdf2-sha256")) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(p[3]);
        byte[] actual = derive(password, Base64.getDecoder().decode(p[2]), Integer.parseInt(p[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new LanyardException(Failure.INTERNAL, "PBKDF2 unavailable: " + e.getMessage(), e);
        }
    }
}
