package dev.lanyard.common.x509;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal DER reader and writer: just enough to recognise key formats and re-wrap PKCS#1 and
 * SEC1 keys as PKCS#8 without loading a crypto provider.
 */
public final class Der {
    public static final int SEQUENCE = 0x30;
    public static final int INTEGER = 0x02;
    public static final int OCTET_STRING = 0x04;
    public static final int BIT_STRING = 0x03;
    public static final int NULL = 0x05;
    public static final int OID = 0x06;
    public static final int BOOLEAN = 0x01;
    public static final int UTF8_STRING = 0x0c;
    public static final int IA5_STRING = 0x16;
    public static final int UTC_TIME = 0x17;
    public static final int GENERALIZED_TIME = 0x18;
    public static final int SET = 0x31;

    /** One tag-length-value element: {@code value} is the content octets. */
    public record Tlv(int tag, byte[] value, int encodedLength) {
        public List<Tlv> children() {
            return Der.readAll(value);
        }
    }

    private Der() {
    }

    public static Tlv read(byte[] data, int offset) {
        if (offset + 2 > data.length) {
            throw new IllegalArgumentException("truncated DER");
        }
        int tag = data[offset] & 0xff;
        int len = data[offset + 1] & 0xff;
        int pos = offset + 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            if (n == 0 || n > 4 || pos + n > data.length) {
                throw new IllegalArgumentException("bad DER length");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (data[pos++] & 0xff);
            }
            if (len < 0) {
                throw new IllegalArgumentException("bad DER length");
            }
        }
        if (pos + len > data.length) {
            throw new IllegalArgumentException("truncated DER");
        }
        byte[] value = new byte[len];
        System.arraycopy(data, pos, value, 0, len);
        return new Tlv(tag, value, pos + len - offset);
    }

    public static List<Tlv> readAll(byte[] data) {
        List<Tlv> out = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            Tlv t = read(data, pos);
            out.add(t);
            pos += t.encodedLength();
        }
        return out;
    }

    /**
     * One DER element: tag, definite length (short form, or up to three length octets), the parts
     * concatenated, written into one exactly sized array (the issuer builds every SVID with it).
     */
    public static byte[] encode(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        int lengthBytes = length < 0x80 ? 0 : length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
        byte[] out = new byte[2 + lengthBytes + length];
        out[0] = (byte) tag;
        if (lengthBytes == 0) {
            out[1] = (byte) length;
        } else {
            out[1] = (byte) (0x80 | lengthBytes);
            for (int i = 0; i < lengthBytes; i++) {
                out[1 + lengthBytes - i] = (byte) (length >>> (8 * i));
            }
        }
        int at = 2 + lengthBytes;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Decodes an OBJECT IDENTIFIER's content octets to dotted form. */
    public static String oid(byte[] value) {
        StringBuilder sb = new StringBuilder();
        long acc = 0;
        boolean first = true;
        for (byte b : value) {
            acc = (acc << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                if (first) {
                    long a = Math.min(acc / 40, 2);
                    sb.append(a).append('.').append(acc - a * 40);
                    first = false;
                } else {
                    sb.append('.').append(acc);
                }
                acc = 0;
            }
        }
        return sb.toString();
    }

    /** Encodes a dotted OID as a complete DER element. */
    public static byte[] oidElement(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBase128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(out, Long.parseLong(arcs[i]));
        }
        return encode(OID, out.toByteArray());
    }

    private static void writeBase128(ByteArrayOutputStream out, long v) {
        int groups = 1;
        for (long t = v >>> 7; t != 0; t >>>= 7) {
            groups++;
        }
        for (int g = groups - 1; g >= 0; g--) {
            int b = (int) ((v >>> (7 * g)) & 0x7f);
            out.write(g == 0 ? b : b | 0x80);
        }
    }

    /** A complete INTEGER element. */
    public static byte[] integer(java.math.BigInteger value) {
        return encode(INTEGER, value.toByteArray());
    }

    /** A complete BOOLEAN element. */
    public static byte[] bool(boolean value) {
        return new byte[] {BOOLEAN, 1, (byte) (value ? 0xff : 0)};
    }

    /** A complete BIT STRING element with {@code unusedBits} unused bits in the last octet. */
    public static byte[] bitString(byte[] bits, int unusedBits) {
        byte[] content = new byte[bits.length + 1];
        content[0] = (byte) unusedBits;
        System.arraycopy(bits, 0, content, 1, bits.length);
        return encode(BIT_STRING, content);
    }

    /** A complete UTCTime (years 1950-2049) or GeneralizedTime element, as RFC 5280 requires. */
    public static byte[] time(java.time.Instant instant) {
        java.time.ZonedDateTime t = instant.atZone(java.time.ZoneOffset.UTC);
        boolean utc = t.getYear() >= 1950 && t.getYear() < 2050;
        String text = java.time.format.DateTimeFormatter.ofPattern(utc ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'")
                .format(t);
        return encode(utc ? UTC_TIME : GENERALIZED_TIME, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
