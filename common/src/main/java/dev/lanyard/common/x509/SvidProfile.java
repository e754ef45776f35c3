package dev.lanyard.common.x509;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.spiffe.SpiffeId;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The X509-SVID profile (SPIFFE X509-SVID §4, §5) on top of RFC 5280. A leaf carries exactly one URI
 * SAN that is a SPIFFE ID with a path, is not a CA, and has a critical keyUsage with digitalSignature
 * and without keyCertSign or cRLSign. A signing certificate has cA=true, keyCertSign, and, if it names
 * a SPIFFE ID, one without a path. Each violation is one line: what is wrong and what is expected.
 */
public final class SvidProfile {
    private static final String OID_SAN = "2.5.29.17";
    private static final String OID_KU = "2.5.29.15";

    private SvidProfile() {
    }

    /** Every way {@code leaf} breaks the X509-SVID leaf rules; empty when it is a valid X509-SVID. */
    public static List<String> leafViolations(X509Certificate leaf) {
        List<String> out = new ArrayList<>();
        List<String> uris = uriSans(leaf);
        if (uris.isEmpty()) {
            out.add("has no URI SAN; an X509-SVID carries exactly one spiffe:// URI SAN");
        } else if (uris.size() > 1) {
            out.add("has " + uris.size() + " URI SANs " + uris + "; an X509-SVID carries exactly one");
        } else {
            SpiffeId id = spiffeIdOrViolation(uris.get(0), out);
            if (id != null && id.isTrustDomainId()) {
                out.add("URI SAN " + id + " has no path; an X509-SVID leaf needs a workload path such as /svc/name");
            }
        }
        if (leaf.getBasicConstraints() >= 0) {
            out.add("is a CA (basicConstraints cA=true); an X509-SVID leaf must have cA=false");
        }
        Set<KeyUsage> ku = KeyUsage.of(leaf);
        if (ku == null) {
            out.add("has no keyUsage extension; an X509-SVID leaf needs a critical keyUsage with digitalSignature");
        } else {
            if (!critical(leaf, OID_KU)) {
                out.add("keyUsage is not critical; an X509-SVID leaf's keyUsage must be critical");
            }
            if (!ku.contains(KeyUsage.DIGITAL_SIGNATURE)) {
                out.add("keyUsage lacks digitalSignature; an X509-SVID leaf must have it");
            }
            if (ku.contains(KeyUsage.KEY_CERT_SIGN)) {
                out.add("keyUsage has keyCertSign; an X509-SVID leaf must not");
            }
            if (ku.contains(KeyUsage.CRL_SIGN)) {
                out.add("keyUsage has cRLSign; an X509-SVID leaf must not");
            }
        }
        if (leaf.getSubjectX500Principal().getEncoded().length <= 2 && !uris.isEmpty() && !critical(leaf, OID_SAN)) {
            out.add("has an empty subject but a non-critical subjectAltName; it must be critical when the subject is empty");
        }
        return List.copyOf(out);
    }

    /** Every way {@code ca} breaks the rules for an X509-SVID signing (CA) certificate. */
    public static List<String> signingCertificateViolations(X509Certificate ca) {
        List<String> out = new ArrayList<>();
        if (ca.getBasicConstraints() < 0) {
            out.add("is not a CA (basicConstraints cA is not true); a signing certificate needs cA=true");
        }
        Set<KeyUsage> ku = KeyUsage.of(ca);
        if (ku == null || !ku.contains(KeyUsage.KEY_CERT_SIGN)) {
            out.add("lacks keyUsage keyCertSign; a signing certificate must have it");
        }
        List<String> uris = uriSans(ca);
        if (uris.size() > 1) {
            out.add("has " + uris.size() + " URI SANs " + uris + "; a signing certificate names at most one SPIFFE ID");
        } else if (uris.size() == 1) {
            SpiffeId id = spiffeIdOrViolation(uris.get(0), out);
            if (id != null && !id.isTrustDomainId()) {
                out.add("URI SAN " + id + " has a path; a signing certificate's SPIFFE ID is the trust domain's"
                        + " (spiffe://" + id.trustDomain() + ")");
            }
        }
        return List.copyOf(out);
    }

    /** Checks a leaf and returns its SPIFFE ID; throws {@link Failure#KEY_OR_CERTIFICATE} with the first violation. */
    public static SpiffeId requireLeaf(X509Certificate leaf, String source) {
        List<String> violations = leafViolations(leaf);
        if (!violations.isEmpty()) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, source + ": X509-SVID " + describe(leaf) + " "
                    + violations.get(0));
        }
        return SpiffeId.parse(uriSans(leaf).get(0));
    }

    /** Checks a signing certificate; throws {@link Failure#UNTRUSTED} with the first violation. */
    public static void requireSigningCertificate(X509Certificate ca, String source) {
        List<String> violations = signingCertificateViolations(ca);
        if (!violations.isEmpty()) {
            throw new LanyardException(Failure.UNTRUSTED, source + ": signing certificate " + describe(ca) + " "
                    + violations.get(0));
        }
    }

    /** The SPIFFE ID of a certificate with exactly one valid spiffe:// URI SAN; null otherwise. */
    public static SpiffeId spiffeId(X509Certificate certificate) {
        List<String> uris = uriSans(certificate);
        if (uris.size() != 1) {
            return null;
        }
        try {
            return SpiffeId.parse(uris.get(0));
        } catch (LanyardException e) {
            return null;
        }
    }

    /** The URI subjectAltNames of a certificate, in order. */
    public static List<String> uriSans(X509Certificate certificate) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> n : names) {
                    if (((Integer) n.get(0)) == 6) {
                        out.add((String) n.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            out.add("(unparseable subjectAltName)");
        }
        return out;
    }

    private static SpiffeId spiffeIdOrViolation(String uri, List<String> out) {
        try {
            return SpiffeId.parse(uri);
        } catch (LanyardException e) {
            out.add("URI SAN \"" + uri + "\" is not a valid SPIFFE ID (" + e.getMessage() + ")");
            return null;
        }
    }

    private static boolean critical(X509Certificate cert, String oid) {
        Set<String> criticals = cert.getCriticalExtensionOIDs();
        return criticals != null && criticals.contains(oid);
    }

    private static String describe(X509Certificate cert) {
        return CertificateChain.describe(cert);
    }
}
