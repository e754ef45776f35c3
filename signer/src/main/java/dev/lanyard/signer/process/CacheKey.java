package dev.lanyard.signer.process;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A digest for cache entry names: SHA-256 ({@link Sha256}: no crypto provider, no key parsing) over
 * length-prefixed fields, e.g. the exact bytes of the certificate, key and intermediates and every
 * parameter that changes the session: the ARNs, duration, session name, region and endpoint. A renewed
 * certificate or key gives a new name, so it never reuses credentials obtained with the old one.
 */
public final class CacheKey {
    private final Sha256 digest = new Sha256();

    public CacheKey() {
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
