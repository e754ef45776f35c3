package dev.lanyard.issuer.resource;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.math.BigInteger;
import java.net.InetAddress;

/** An IP network such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a /32 or /128. */
public record Cidr(InetAddress network, int prefix) {

    public static Cidr parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length > 2) {
            throw bad(text);
        }
        InetAddress addr = literal(parts[0]);
        int max = addr.getAddress().length * 8;
        int prefix = max;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw bad(text);
            }
            if (prefix < 0 || prefix > max) {
                throw bad(text);
            }
        }
        return new Cidr(addr, prefix);
    }

    /** Parses an IP literal without any name lookup. */
    public static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || !(text.matches("[0-9.]+") || text.contains(":"))) {
            throw new LanyardException(Failure.INVALID_INPUT, "'" + text + "' is not an IP address");
        }
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new LanyardException(Failure.INVALID_INPUT, "'" + text + "' is not an IP address");
        }
    }

    public boolean contains(InetAddress ip) {
        byte[] a = ip.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int bits = a.length * 8;
        BigInteger mask = prefix == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                        .shiftRight(bits - prefix).shiftLeft(bits - prefix);
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, n).and(mask));
    }

    private static LanyardException bad(String text) {
        return new LanyardException(Failure.INVALID_INPUT, "'" + text + "' is not a CIDR such as 10.0.0.0/8");
    }
}
