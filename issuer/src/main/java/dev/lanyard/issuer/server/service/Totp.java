package dev.lanyard.issuer.server.service;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes (RFC 6238): HMAC-SHA1, 6 digits, 30-second steps, one step of clock
 * drift accepted either way. Secrets are 20 random bytes, shown to people in base32 (RFC 4648).
 */
public final class Totp {
    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    public static String newSecret(SecureRandom random) {
        byte[] key = new byte[20];
        random.nextBytes(key);
        return base32(key);
    }

    /** The {@code otpauth://} URI authenticator apps import. */
    public static String uri(String cluster, String user, String secret) {
        String label = "Lanyard%20" + cluster + ":" + user;
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Lanyard&algorithm=SHA1&digits=" + DIGITS
                + "&period=" + STEP_SECONDS;
    }

    public static long step(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of {@code step} for a base32 secret, zero-padded to six digits. */
    public static String code(String secret, long step) {
        return String.format(Locale.ROOT, "%0" + DIGITS + "d", truncate(hmac(base32Decode(secret), step)));
    }

    /** The step {@code code} belongs to (now, one before or one after), or -1 when it matches none. */
    static long matchingStep(String secret, String code, Instant now) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return -1;
        }
        long current = step(now);
        for (long s = current - 1; s <= current + 1; s++) {
            if (java.security.MessageDigest.isEqual(code(secret, s).getBytes(), code.getBytes())) {
                return s;
            }
        }
        return -1;
    }

    static int truncate(byte[] h) {
        int offset = h[h.length - 1] & 0x0f;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                | (h[offset + 3] & 0xff);
        return binary % 1_000_000;
    }

    static byte[] hmac(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new LanyardException(Failure.INTERNAL, "HmacSHA1 unavailable: " + e.getMessage(), e);
        }
    }

    static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    static byte[] base32Decode(String text) {
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8 + 1);
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            int v = ALPHABET.indexOf(c);
            if (v < 0) {
                throw new LanyardException(Failure.INTERNAL, "stored TOTP secret is not base32");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        byte[] result = new byte[out.position()];
        out.flip().get(result);
        return result;
    }
}
