package dev.lanyard.issuer.server.ca;

import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.issuer.crypto.KeyType;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The two CAs of a cluster. The SPIFFE CA signs X509-SVIDs only: subject {@code O=<cluster>,
 * CN=SPIFFE CA}, CA, keyCertSign+cRLSign, URI SAN {@code spiffe://<cluster>}. The host/user CA signs
 * the issuer's TLS certificate and user, bot and admin identities, and is never in the SPIFFE bundle.
 */
public final class CaTemplates {
    /** Far above the 6 x 24 h floor (6 x the maximum SVID TTL). */
    public static final Duration CA_LIFETIME = Duration.ofDays(365);

    private CaTemplates() {
    }

    public static CertificateAuthority spiffeCa(TrustDomain td, KeyType type, Instant now, SecureRandom random) {
        KeyPair kp = type.generate(random);
        CertTemplate t = new CertTemplate(Names.of(td.name(), null, "SPIFFE CA"), kp.getPublic(),
                Serials.random(random), now.minus(Duration.ofMinutes(1)), now.plus(CA_LIFETIME), List.of(
                        new CertTemplate.Ext(Extension.basicConstraints, true, new BasicConstraints(true)),
                        new CertTemplate.Ext(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                        new CertTemplate.Ext(Extension.subjectAlternativeName, false, new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, td.idString())))));
        return new CertificateAuthority(kp.getPrivate(), CertificateSigner.sign(t, kp.getPrivate(), null));
    }

    public static CertificateAuthority hostCa(TrustDomain td, KeyType type, Instant now, SecureRandom random) {
        KeyPair kp = type.generate(random);
        CertTemplate t = new CertTemplate(Names.of(td.name(), null, "Lanyard host and user CA"), kp.getPublic(),
                Serials.random(random), now.minus(Duration.ofMinutes(1)), now.plus(CA_LIFETIME), List.of(
                        new CertTemplate.Ext(Extension.basicConstraints, true, new BasicConstraints(0)),
                        new CertTemplate.Ext(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))));
        return new CertificateAuthority(kp.getPrivate(), CertificateSigner.sign(t, kp.getPrivate(), null));
    }
}
