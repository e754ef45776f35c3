package dev.lanyard.signer.process;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The cache entry name: SHA-256 (JDK SUN provider, no key parsing) over the exact bytes of the
 * certificate, key and intermediates and every parameter that changes the session: the ARNs, duration,
 * session name, region and endpoint. A renewed certificate or key gives a new name, so it never reuses
 * credentials obtained with the old one.
 */
public final class CacheKey {
    private final MessageDigest digest;

    public CacheKey() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        add("lanyard-signer cache v1");
    }

    public CacheKey add(String field) {
        return add(field == null ? new byte[] {0} : field.getBytes(StandardCharsets.UTF_8));
    }

    public CacheKey add(byte[] field) {
        byte[] len = new byte[8];
        long n = field.length;
        for (int i = 7; i >= 0; i--) {
            len[i] = (byte) n;
            n >>>= 8;
        }
        digest.update(len);
        digest.update(field);
        return this;
    }

    /** The entry name (lowercase hex); call once. */
    public String name() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
