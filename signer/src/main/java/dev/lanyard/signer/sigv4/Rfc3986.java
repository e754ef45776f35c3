package dev.lanyard.signer.sigv4;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as SigV4 wants it: the unreserved set {@code A-Za-z0-9-_.~} is kept,
 * every other UTF-8 byte becomes {@code %XX} in upper-case hex (so space is {@code %20}, never
 * {@code +}, and {@code ~} is kept, unlike {@link java.net.URLEncoder}).
 */
public final class Rfc3986 {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Rfc3986() {
    }

    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0f]);
            }
        }
        return sb.toString();
    }

    static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
