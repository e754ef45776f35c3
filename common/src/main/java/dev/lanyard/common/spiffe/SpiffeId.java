package dev.lanyard.common.spiffe;

import dev.lanyard.common.error.LanyardException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A SPIFFE ID, {@code spiffe://<trust-domain>/<path>}, validated by every rule of the SPIFFE ID
 * specification. The path is empty (the trust domain's own ID) or starts with {@code /}.
 */
public record SpiffeId(TrustDomain trustDomain, String path) {
    public static final int MAX_BYTES = 2048;
    private static final String SCHEME = "spiffe://";

    public SpiffeId {
        if (trustDomain == null) {
            throw TrustDomain.invalid("trust domain is missing");
        }
        path = path == null ? "" : path;
        validatePath(path);
        if ((SCHEME + trustDomain.name() + path).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw TrustDomain.invalid("SPIFFE ID is longer than 2048 bytes");
        }
    }

    public static SpiffeId of(TrustDomain trustDomain, String path) {
        return new SpiffeId(trustDomain, path);
    }

    /** Parses a full SPIFFE ID. Scheme and trust domain are case-insensitive and normalised to lower case. */
    public static SpiffeId parse(String text) {
        if (text == null || text.isEmpty()) {
            throw TrustDomain.invalid("SPIFFE ID is empty");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw TrustDomain.invalid("SPIFFE ID is longer than 2048 bytes");
        }
        if (!text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw TrustDomain.invalid("SPIFFE ID must start with spiffe://: " + TrustDomain.quote(text));
        }
        if (text.indexOf('?') >= 0) {
            throw TrustDomain.invalid("SPIFFE ID must not contain a query: " + TrustDomain.quote(text));
        }
        if (text.indexOf('#') >= 0) {
            throw TrustDomain.invalid("SPIFFE ID must not contain a fragment: " + TrustDomain.quote(text));
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String domain = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        if (domain.isEmpty()) {
            throw TrustDomain.invalid("SPIFFE ID has an empty trust domain: " + TrustDomain.quote(text));
        }
        return new SpiffeId(new TrustDomain(domain.toLowerCase(Locale.ROOT)), path);
    }

    /** Parses a path such as {@code /svc/example} within this trust domain. */
    public static SpiffeId fromPath(TrustDomain trustDomain, String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            throw TrustDomain.invalid("SPIFFE path is empty: give a path such as /svc/example-service");
        }
        if (!path.startsWith("/")) {
            throw TrustDomain.invalid("SPIFFE path must start with '/': " + TrustDomain.quote(path));
        }
        return new SpiffeId(trustDomain, path);
    }

    public boolean isTrustDomainId() {
        return path.isEmpty();
    }

    /** The last path segment, or the trust domain name for the trust domain's own ID. */
    public String lastSegment() {
        return path.isEmpty() ? trustDomain.name() : path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return SCHEME + trustDomain.name() + path;
    }

    static void validatePath(String path) {
        if (path.isEmpty()) {
            return;
        }
        if (!path.startsWith("/")) {
            throw TrustDomain.invalid("SPIFFE ID path must start with '/': " + TrustDomain.quote(path));
        }
        if (path.indexOf('%') >= 0) {
            throw TrustDomain.invalid("SPIFFE ID path must not be percent-encoded: " + TrustDomain.quote(path));
        }
        if (path.endsWith("/")) {
            throw TrustDomain.invalid("SPIFFE ID path must not end with '/': " + TrustDomain.quote(path));
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty()) {
                throw TrustDomain.invalid("SPIFFE ID path has an empty segment: " + TrustDomain.quote(path));
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw TrustDomain.invalid("SPIFFE ID path must not contain '.' or '..' segments: "
                        + TrustDomain.quote(path));
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '.' || c == '-' || c == '_';
                if (!ok) {
                    throw TrustDomain.invalid("SPIFFE ID path may contain only letters, digits, '.', '-' and '_': "
                            + TrustDomain.quote(path));
                }
            }
        }
    }
}
