package dev.lanyard.common.crypto;

import java.security.GeneralSecurityException;

/**
 * The scrypt key derivation function (RFC 7914), which the JDK lacks. Used to decrypt PKCS#8 keys
 * that OpenSSL encrypted with {@code -scrypt}. Not a FIPS-approved KDF.
 */
public final class Scrypt {
    /** Refuse parameters that would need more than this much memory (N * r * 128 bytes). */
    public static final long MAX_MEMORY = 256L << 20;

    private Scrypt() {
    }

    public static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int length)
            throws GeneralSecurityException {
        if (n < 2 || (n & (n - 1)) != 0) {
            throw new GeneralSecurityException("scrypt cost N must be a power of 2 greater than 1, got " + n);
        }
        if (r < 1 || p < 1 || (long) r * p >= 1 << 30) {
            throw new GeneralSecurityException("scrypt block size r and parallelisation p are out of range");
        }
        if ((long) n * r * 128 > MAX_MEMORY) {
            throw new GeneralSecurityException("scrypt parameters N=" + n + " r=" + r + " need more than "
                    + (MAX_MEMORY >> 20) + " MiB");
        }
        byte[] b = Pbkdf2.derive("HmacSHA256", password, salt, 1, p * 128 * r);
        int words = 32 * r;
        int[] x = new int[words];
        int[] v = new int[words * n];
        int[] scratch = new int[words];
        for (int i = 0; i < p; i++) {
            toWords(b, i * 128 * r, x);
            roMix(x, v, scratch, n, r);
            toBytes(x, b, i * 128 * r);
        }
        return Pbkdf2.derive("HmacSHA256", password, b, 1, length);
    }

    private static void roMix(int[] x, int[] v, int[] scratch, int n, int r) {
        int words = 32 * r;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, v, i * words, words);
            blockMix(x, scratch, r);
        }
        for (int i = 0; i < n; i++) {
            int j = x[(2 * r - 1) * 16] & (n - 1);
            for (int k = 0; k < words; k++) {
                x[k] ^= v[j * words + k];
            }
            blockMix(x, scratch, r);
        }
    }

    /** scryptBlockMix: b is 2r 64-byte blocks; the result replaces b. */
    private static void blockMix(int[] b, int[] y, int r) {
        int[] t = new int[16];
        System.arraycopy(b, (2 * r - 1) * 16, t, 0, 16);
        for (int i = 0; i < 2 * r; i++) {
            for (int k = 0; k < 16; k++) {
                t[k] ^= b[i * 16 + k];
            }
            salsa8(t);
            // even blocks go to the first half, odd blocks to the second
            int dest = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
            System.arraycopy(t, 0, y, dest, 16);
        }
        System.arraycopy(y, 0, b, 0, 32 * r);
    }

    private static void salsa8(int[] b) {
        int[] x = b.clone();
        for (int i = 0; i < 8; i += 2) {
            x[4] ^= Integer.rotateLeft(x[0] + x[12], 7);
            x[8] ^= Integer.rotateLeft(x[4] + x[0], 9);
            x[12] ^= Integer.rotateLeft(x[8] + x[4], 13);
            x[0] ^= Integer.rotateLeft(x[12] + x[8], 18);
            x[9] ^= Integer.rotateLeft(x[5] + x[1], 7);
            x[13] ^= Integer.rotateLeft(x[9] + x[5], 9);
            x[1] ^= Integer.rotateLeft(x[13] + x[9], 13);
            x[5] ^= Integer.rotateLeft(x[1] + x[13], 18);
            x[14] ^= Integer.rotateLeft(x[10] + x[6], 7);
            x[2] ^= Integer.rotateLeft(x[14] + x[10], 9);
            x[6] ^= Integer.rotateLeft(x[2] + x[14], 13);
            x[10] ^= Integer.rotateLeft(x[6] + x[2], 18);
            x[3] ^= Integer.rotateLeft(x[15] + x[11], 7);
            x[7] ^= Integer.rotateLeft(x[3] + x[15], 9);
            x[11] ^= Integer.rotateLeft(x[7] + x[3], 13);
            x[15] ^= Integer.rotateLeft(x[11] + x[7], 18);
            x[1] ^= Integer.rotateLeft(x[0] + x[3], 7);
            x[2] ^= Integer.rotateLeft(x[1] + x[0], 9);
            x[3] ^= Integer.rotateLeft(x[2] + x[1], 13);
            x[0] ^= Integer.rotateLeft(x[3] + x[2], 18);
            x[6] ^= Integer.rotateLeft(x[5] + x[4], 7);
            x[7] ^= Integer.rotateLeft(x[6] + x[5], 9);
            x[4] ^= Integer.rotateLeft(x[7] + x[6], 13);
            x[5] ^= Integer.rotateLeft(x[4] + x[7], 18);
            x[11] ^= Integer.rotateLeft(x[10] + x[9], 7);
            x[8] ^= Integer.rotateLeft(x[11] + x[10], 9);
            x[9] ^= Integer.rotateLeft(x[8] + x[11], 13);
            x[10] ^= Integer.rotateLeft(x[9] + x[8], 18);
            x[12] ^= Integer.rotateLeft(x[15] + x[14], 7);
            x[13] ^= Integer.rotateLeft(x[12] + x[15], 9);
            x[14] ^= Integer.rotateLeft(x[13] + x[12], 13);
            x[15] ^= Integer.rotateLeft(x[14] + x[13], 18);
        }
        for (int i = 0; i < 16; i++) {
            b[i] += x[i];
        }
    }

    private static void toWords(byte[] in, int offset, int[] out) {
        for (int i = 0; i < out.length; i++) {
            int o = offset + 4 * i;
            out[i] = (in[o] & 0xff) | (in[o + 1] & 0xff) << 8 | (in[o + 2] & 0xff) << 16 | (in[o + 3] & 0xff) << 24;
        }
    }

    private static void toBytes(int[] in, byte[] out, int offset) {
        for (int i = 0; i < in.length; i++) {
            int o = offset + 4 * i;
            out[o] = (byte) in[i];
            out[o + 1] = (byte) (in[i] >>> 8);
            out[o + 2] = (byte) (in[i] >>> 16);
            out[o + 3] = (byte) (in[i] >>> 24);
        }
    }
}
