package dev.lanyard.common.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 (RFC 8018 §5.2) over a JCA HMAC, on raw password bytes (OpenSSL and scrypt pass bytes, not
 * chars). An empty password is HMAC's all-zero key, which the JCA cannot express directly.
 */
public final class Pbkdf2 {
    private Pbkdf2() {
    }

    /** {@code hmac} is a JCA Mac name such as {@code HmacSHA256}. */
    public static byte[] derive(String hmac, byte[] password, byte[] salt, int iterations, int length)
            throws GeneralSecurityException {
        if (iterations < 1 || length < 1) {
            throw new GeneralSecurityException("PBKDF2 needs iterations >= 1 and length >= 1");
        }
        Mac mac = Mac.getInstance(hmac);
        // HMAC pads the key with zeros, so an empty key equals a single zero byte.
        mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, hmac));
        int hLen = mac.getMacLength();
        byte[] out = new byte[length];
        byte[] u = new byte[hLen];
        byte[] t = new byte[hLen];
        for (int block = 1, offset = 0; offset < length; block++, offset += hLen) {
            mac.update(salt);
            mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
            mac.doFinal(u, 0);
            System.arraycopy(u, 0, t, 0, hLen);
            for (int i = 1; i < iterations; i++) {
                mac.update(u);
                mac.doFinal(u, 0);
                for (int k = 0; k < hLen; k++) {
                    t[k] ^= u[k];
                }
            }
            System.arraycopy(t, 0, out, offset, Math.min(hLen, length - offset));
        }
        return out;
    }
}
