package dev.lanyard.issuer.server.ca;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;

/** 128-bit random certificate serials and their colon-hex form (as audit logs show them). */
public final class Serials {
    private Serials() {
    }

    public static BigInteger random(SecureRandom random) {
        BigInteger s;
        do {
            s = new BigInteger(128, random);
        } while (s.signum() == 0);
        return s;
    }

    /** Lowercase colon-separated hex of the serial's unsigned bytes, e.g. {@code 3a:0f:...}. */
    public static String hex(BigInteger serial) {
        byte[] b = serial.toByteArray();
        int start = b.length > 1 && b[0] == 0 ? 1 : 0;
        HexFormat f = HexFormat.ofDelimiter(":");
        return f.formatHex(b, start, b.length);
    }
}
