package dev.lanyard.emulator.store;

import java.util.Base64;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Random identifiers and secrets in AWS formats, from an injected random source. */
public final class Ids {
    private static final char[] KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private final RandomGenerator random;

    public Ids(RandomGenerator random) {
        this.random = random;
    }

    /** 20 characters: the prefix (AKIA, ASIA, AROA) and base32 characters. */
    public String accessKeyId(String prefix) {
        return prefix + chars(20 - prefix.length());
    }

    public String roleId() {
        return "AROA" + chars(17);
    }

    public String secretAccessKey() {
        return base64(30).replace('-', '+').replace('_', '/');
    }

    public String sessionToken() {
        return "IQoJbGFueWFyZA" + Base64.getEncoder().encodeToString(bytes(96));
    }

    public String uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    private String chars(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(KEY_ALPHABET[random.nextInt(KEY_ALPHABET.length)]);
        }
        return sb.toString();
    }

    private String base64(int n) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(n));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
