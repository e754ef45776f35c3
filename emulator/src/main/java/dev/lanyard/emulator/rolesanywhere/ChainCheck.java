package dev.lanyard.emulator.rolesanywhere;

import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.CertificateChain;
import dev.lanyard.emulator.store.Crl;
import dev.lanyard.emulator.store.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Chain building from the leaf through X-Amz-X509-Chain (at most 5) to a trust-anchor certificate, then revocation. */
final class ChainCheck {
    static final int MAX_CHAIN = 5;

    private ChainCheck() {
    }

    static CertificateChain.Path build(X509Certificate leaf, List<X509Certificate> chain, TrustAnchor anchor, Instant now) {
        if (chain.size() > MAX_CHAIN) {
            throw LeafRules.untrusted("chain: X-Amz-X509-Chain holds " + chain.size() + " certificates; at most " + MAX_CHAIN
                    + " are accepted");
        }
        List<X509Certificate> anchors = TrustAnchorService.certificates(anchor.certificateBundle());
        CertificateChain.Path path;
        try {
            path = CertificateChain.build(leaf, chain, anchors, now);
        } catch (LanyardException e) {
            throw LeafRules.untrusted(e.getMessage() + "; trust anchor " + anchor.id() + " holds "
                    + anchors.stream().map(c -> "\"" + c.getSubjectX500Principal().getName() + "\"").collect(Collectors.joining(", ")));
        }
        for (X509Certificate c : path.certificates().subList(1, path.certificates().size())) {
            LeafRules.weakSignature(c, c == path.anchor() ? "trust anchor" : "intermediate");
        }
        return path;
    }

    /** Every enabled CRL of the anchor issued by a CA in the path is consulted for every certificate it covers. */
    static void revocation(CertificateChain.Path path, List<Crl> crls) {
        List<X509Certificate> certs = path.certificates();
        for (Crl stored : crls) {
            if (!stored.enabled()) {
                continue;
            }
            X509CRL crl = CrlService.parse(stored.crlData());
            for (int i = 0; i + 1 < certs.size(); i++) {
                X509Certificate cert = certs.get(i);
                X509Certificate issuer = certs.get(i + 1);
                if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) || !verifies(crl, issuer)) {
                    continue;
                }
                X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
                if (entry != null) {
                    throw LeafRules.untrusted("revocation: certificate \"" + cert.getSubjectX500Principal().getName()
                            + "\" (serial " + cert.getSerialNumber().toString(16) + " hex) is revoked since "
                            + entry.getRevocationDate().toInstant() + " by CRL \"" + stored.name() + "\" (" + stored.id() + ")");
                }
            }
        }
    }

    private static boolean verifies(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
