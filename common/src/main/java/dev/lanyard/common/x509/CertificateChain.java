package dev.lanyard.common.x509;

import dev.lanyard.common.crypto.CryptoContext;
import dev.lanyard.common.crypto.FipsPolicy;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Builds and validates a certification path leaf → intermediates → anchor (RFC 5280: name chaining,
 * signatures, validity, basicConstraints, keyUsage keyCertSign, pathLenConstraint). Intermediates may
 * come in any order and may include the leaf or an anchor. A failure names the link that broke.
 */
public final class CertificateChain {
    public static final int MAX_DEPTH = 8;

    /** A validated path: {@code certificates} runs from the leaf to the anchor, both included. */
    public record Path(List<X509Certificate> certificates) {
        public X509Certificate leaf() {
            return certificates.get(0);
        }

        public X509Certificate anchor() {
            return certificates.get(certificates.size() - 1);
        }

        /** The certificates between leaf and anchor, leaf issuer first. */
        public List<X509Certificate> intermediates() {
            return certificates.subList(1, certificates.size() - 1);
        }
    }

    private CertificateChain() {
    }

    /**
     * As {@link #build(X509Certificate, List, List, Instant)}, and in FIPS mode every certificate of the
     * path must pass {@link dev.lanyard.common.crypto.FipsPolicy} (else {@code NOT_APPROVED}).
     */
    public static Path build(X509Certificate leaf, List<X509Certificate> intermediates,
                             List<X509Certificate> anchors, Instant now, CryptoContext crypto) {
        crypto.requireApproved(leaf, "chain: leaf");
        Path path = build(leaf, intermediates, anchors, now);
        for (X509Certificate c : path.intermediates()) {
            crypto.requireApproved(c, "chain: intermediate");
        }
        crypto.requireApproved(path.anchor(), "chain: trust anchor");
        return path;
    }

    public static Path build(X509Certificate leaf, List<X509Certificate> intermediates,
                             List<X509Certificate> anchors, Instant now) {
        if (anchors.isEmpty()) {
            throw untrusted("no trust anchor certificates to validate against");
        }
        checkValidity(leaf, "leaf", now);
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        X509Certificate current = leaf;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            X509Certificate anchor = findIssuer(current, anchors, now);
            if (anchor != null) {
                checkValidity(anchor, "trust anchor", now);
                checkCa(anchor, "trust anchor", path.size() - 1);
                if (!anchor.equals(current)) {
                    path.add(anchor);
                }
                return new Path(List.copyOf(path));
            }
            X509Certificate next = findIssuer(current, without(intermediates, path), now);
            if (next == null) {
                String why = signatureMismatch(current, anchors, intermediates);
                throw untrusted("chain: no certificate in the trust anchor or intermediates issued "
                        + dn(current.getIssuerX500Principal().getName()) + " (issuer of " + describe(current) + ")" + why);
            }
            checkValidity(next, "intermediate", now);
            checkCa(next, "intermediate", path.size() - 1);
            path.add(next);
            current = next;
        }
        throw untrusted("chain: longer than " + MAX_DEPTH + " certificates without reaching a trust anchor");
    }

    /** The candidate that issued {@code cert}, preferring one valid at {@code now} (CA rotation keeps both). */
    private static X509Certificate findIssuer(X509Certificate cert, List<X509Certificate> candidates, Instant now) {
        X509Certificate found = null;
        for (X509Certificate c : candidates) {
            if (c.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && verifies(cert, c)) {
                if (validAt(c, now)) {
                    return c;
                }
                found = found == null ? c : found;
            }
        }
        return found;
    }

    private static boolean validAt(X509Certificate cert, Instant now) {
        Date at = Date.from(now);
        return !at.before(cert.getNotBefore()) && !at.after(cert.getNotAfter());
    }

    private static String signatureMismatch(X509Certificate cert, List<X509Certificate> anchors,
                                            List<X509Certificate> intermediates) {
        for (List<X509Certificate> list : List.of(anchors, intermediates)) {
            for (X509Certificate c : list) {
                if (c.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                    return "; a certificate named " + dn(c.getSubjectX500Principal().getName())
                            + " exists but its key did not sign " + describe(cert);
                }
            }
        }
        return "";
    }

    private static boolean verifies(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        } catch (AssertionError e) {
            throw FipsPolicy.rethrow("chain: the " + cert.getSigAlgName() + " signature on " + describe(cert), e);
        }
    }

    private static List<X509Certificate> without(List<X509Certificate> list, List<X509Certificate> used) {
        List<X509Certificate> out = new ArrayList<>(list.size());
        for (X509Certificate c : list) {
            if (!used.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static void checkValidity(X509Certificate cert, String role, Instant now) {
        Date at = Date.from(now);
        if (at.before(cert.getNotBefore())) {
            throw untrusted("chain: " + role + " " + describe(cert) + " is not valid until "
                    + cert.getNotBefore().toInstant());
        }
        if (at.after(cert.getNotAfter())) {
            throw untrusted("chain: " + role + " " + describe(cert) + " expired at " + cert.getNotAfter().toInstant());
        }
    }

    /** {@code below} is the number of intermediates between this CA and the leaf. */
    private static void checkCa(X509Certificate ca, String role, int below) {
        int pathLen = ca.getBasicConstraints();
        if (pathLen < 0) {
            throw untrusted("chain: " + role + " " + describe(ca) + " is not a CA (basicConstraints cA is not true)");
        }
        boolean[] ku = ca.getKeyUsage();
        if (ku != null && (ku.length <= 5 || !ku[5])) {
            throw untrusted("chain: " + role + " " + describe(ca) + " lacks keyUsage keyCertSign");
        }
        if (pathLen != Integer.MAX_VALUE && below > pathLen) {
            throw untrusted("chain: " + role + " " + describe(ca) + " has pathLenConstraint " + pathLen + " but "
                    + below + " intermediate CA certificate" + (below == 1 ? " follows" : "s follow") + " it");
        }
    }

    static String describe(X509Certificate cert) {
        return dn(cert.getSubjectX500Principal().getName());
    }

    static String dn(String rfc2253) {
        return "\"" + rfc2253 + "\"";
    }

    private static LanyardException untrusted(String message) {
        return new LanyardException(Failure.UNTRUSTED, message);
    }
}
