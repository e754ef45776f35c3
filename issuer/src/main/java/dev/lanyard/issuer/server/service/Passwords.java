package dev.lanyard.issuer.server.service;

import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.crypto.CryptoProviders;
import dev.lanyard.common.crypto.FipsPolicy;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes as {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>} (PBKDF2-HMAC-SHA256,
 * approved in FIPS mode; 600,000 iterations by default, 16-byte salt, 32-byte hash). Passwords have at
 * least 12 characters, 14 in FIPS mode: BC-FIPS refuses PBKDF2 passwords under 112 bits.
 */
public final class Passwords {
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int MIN_LENGTH = 12;
    public static final int FIPS_MIN_LENGTH = FipsPolicy.MIN_PASSWORD_CHARS;
    private static final char[] TIMING_FILLER = "not-a-password-filler".toCharArray();
    private final int iterations;
    private final SecureRandom random;
    private final int minLength;

    public Passwords(int iterations, SecureRandom random) {
        this.iterations = iterations;
        this.random = random;
        this.minLength = CryptoProviders.active() == CryptoMode.FIPS ? FIPS_MIN_LENGTH : MIN_LENGTH;
    }

    public String hash(char[] password) {
        if (password.length < minLength) {
            throw new LanyardException(Failure.INVALID_INPUT, "password is too short: use at least " + minLength
                    + " characters" + (minLength == FIPS_MIN_LENGTH ? " (FIPS mode)" : ""));
        }
        if (password.length > 1024) {
            throw new LanyardException(Failure.INVALID_INPUT, "password is longer than 1024 characters");
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** Constant-time check; a null hash (unknown user) still costs one derivation. */
    public boolean verify(char[] password, String stored) {
        if (stored == null || password.length < minLength) {
            // no stored hash can match a password shorter than the minimum; same cost as a real check
            derive(TIMING_FILLER, new byte[16], iterations);
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
