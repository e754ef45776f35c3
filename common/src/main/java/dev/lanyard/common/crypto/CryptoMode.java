package dev.lanyard.common.crypto;

import java.util.Map;

/** Which crypto provider set Lanyard runs with: the JDK's, or BouncyCastle FIPS in approved-only mode. */
public enum CryptoMode {
    DEFAULT,
    FIPS;

    /** FIPS when the flag is set or {@code LANYARD_FIPS} is 1/true. */
    public static CryptoMode select(boolean flag, Map<String, String> env) {
        String v = env.getOrDefault("LANYARD_FIPS", "");
        return flag || v.equals("1") || v.equalsIgnoreCase("true") ? FIPS : DEFAULT;
    }
}
