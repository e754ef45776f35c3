package dev.lanyard.common.spiffe;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.nio.charset.StandardCharsets;

/**
 * A SPIFFE trust domain: lowercase {@code [a-z0-9._-]}, not empty, at most 255 bytes.
 * Accepts a bare name or a {@code spiffe://name} form; the value is always lower case.
 */
public record TrustDomain(String name) {
    public static final int MAX_BYTES = 255;

    public TrustDomain {
        name = validate(name);
    }

    public static TrustDomain parse(String text) {
        if (text == null) {
            throw invalid("trust domain is missing");
        }
        String s = text.startsWith("spiffe://") ? text.substring("spiffe://".length()) : text;
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return new TrustDomain(s);
    }

    /** The SPIFFE ID of the trust domain itself: {@code spiffe://name}. */
    public String idString() {
        return "spiffe://" + name;
    }

    public SpiffeId id(String path) {
        return SpiffeId.of(this, path);
    }

    @Override
    public String toString() {
        return name;
    }

    static String validate(String name) {
        if (name == null || name.isEmpty()) {
            throw invalid("trust domain is empty");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw invalid("trust domain is longer than 255 bytes");
        }
        if (name.indexOf('%') >= 0) {
            throw invalid("trust domain must not be percent-encoded: " + quote(name));
        }
        if (name.indexOf('@') >= 0) {
            throw invalid("SPIFFE ID must not contain userinfo: " + quote(name));
        }
        if (name.indexOf(':') >= 0) {
            throw invalid("SPIFFE ID must not contain a port: " + quote(name));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
            if (!ok) {
                throw invalid("trust domain may contain only lowercase letters, digits, '.', '-' and '_': "
                        + quote(name));
            }
        }
        return name;
    }

    static LanyardException invalid(String message) {
        return new LanyardException(Failure.INVALID_INPUT, message);
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }
}
