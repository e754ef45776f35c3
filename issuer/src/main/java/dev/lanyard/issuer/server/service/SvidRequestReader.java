package dev.lanyard.issuer.server.service;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.spiffe.SpiffeId;
import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.issuer.crypto.PublicKeys;
import dev.lanyard.issuer.resource.Cidr;
import java.io.IOException;
import java.net.InetAddress;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** Reads and checks the parts of an SVID request: SPIFFE path, key (or CSR with proof of possession), SANs. */
final class SvidRequestReader {
    static final int MAX_SANS = 32;
    private static final Pattern DNS = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private SvidRequestReader() {
    }

    static SpiffeId spiffeId(TrustDomain td, String path) {
        if (path == null || path.isEmpty()) {
            throw invalid("SPIFFE path is missing: give a path such as /svc/example-service");
        }
        if (path.length() > SpiffeId.MAX_BYTES) {
            throw invalid("SPIFFE path is longer than 2048 bytes");
        }
        if (path.contains("*")) {
            throw invalid("SPIFFE path must not contain '*': request one concrete path such as /svc/example-service");
        }
        if (path.regionMatches(true, 0, "spiffe://", 0, 9)) {
            SpiffeId id = SpiffeId.parse(path);
            if (!id.trustDomain().equals(td)) {
                throw invalid("SPIFFE ID " + id + " is outside this cluster's trust domain " + td.name());
            }
            if (id.isTrustDomainId()) {
                throw invalid("SPIFFE ID " + id + " has no path; give a path such as /svc/example-service");
            }
            return id;
        }
        return SpiffeId.fromPath(td, path);
    }

    static PublicKey key(String publicKeyPem, String csrPem) {
        if ((publicKeyPem == null) == (csrPem == null)) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, "give exactly one of public_key or csr");
        }
        if (publicKeyPem != null) {
            return PublicKeys.parsePem(publicKeyPem, "public_key");
        }
        try {
            List<Pem.Block> blocks = Pem.decode(csrPem);
            if (blocks.size() != 1 || !blocks.get(0).label().equals("CERTIFICATE REQUEST")) {
                throw new LanyardException(Failure.KEY_OR_CERTIFICATE,
                        "csr: expected one PEM block labelled CERTIFICATE REQUEST");
            }
            JcaPKCS10CertificationRequest csr = new JcaPKCS10CertificationRequest(blocks.get(0).der());
            PublicKey key = PublicKeys.check(csr.getPublicKey(), "csr");
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new LanyardException(Failure.KEY_OR_CERTIFICATE, "csr: signature does not verify; the CSR "
                        + "must be signed by the key it carries");
            }
            return key;
        } catch (IOException | IllegalArgumentException | java.security.GeneralSecurityException
                 | OperatorCreationException | PKCSException e) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, "csr: not a valid PKCS#10 request: "
                    + e.getMessage(), e);
        }
    }

    static List<String> dnsSans(List<String> in) {
        List<String> out = new ArrayList<>();
        for (String d : in == null ? List.<String>of() : in) {
            if (d == null || !DNS.matcher(d).matches()) {
                throw invalid("DNS SAN '" + (d == null ? "" : d.length() > 64 ? d.substring(0, 64) + "..." : d)
                        + "' is not a valid DNS name");
            }
            out.add(d.toLowerCase(Locale.ROOT));
        }
        if (out.size() > MAX_SANS) {
            throw invalid("more than " + MAX_SANS + " DNS SANs");
        }
        return List.copyOf(out);
    }

    static List<InetAddress> ipSans(List<String> in) {
        List<InetAddress> out = new ArrayList<>();
        for (String s : in == null ? List.<String>of() : in) {
            out.add(Cidr.literal(s));
        }
        if (out.size() > MAX_SANS) {
            throw invalid("more than " + MAX_SANS + " IP SANs");
        }
        return List.copyOf(out);
    }

    private static LanyardException invalid(String message) {
        return new LanyardException(Failure.INVALID_INPUT, message);
    }
}
