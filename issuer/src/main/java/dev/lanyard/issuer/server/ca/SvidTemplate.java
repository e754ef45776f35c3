package dev.lanyard.issuer.server.ca;

import dev.lanyard.common.spiffe.SpiffeId;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The X509-SVID profile: exactly one URI SAN (the SPIFFE ID) plus requested DNS/IP SANs; keyUsage
 * critical digitalSignature, keyEncipherment, keyAgreement; EKU serverAuth and clientAuth;
 * basicConstraints CA=false; subject {@code O=<trust domain>, CN=<last path segment>} (Roles
 * Anywhere refuses empty subjects; values over 64 characters are cut).
 */
public final class SvidTemplate {
    private SvidTemplate() {
    }

    public static X509Certificate issue(CertificateAuthority ca, SpiffeId id, PublicKey key, List<String> dnsSans,
                                        List<InetAddress> ipSans, BigInteger serial, Instant notBefore,
                                        Instant notAfter) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.uniformResourceIdentifier, id.toString()));
        for (String d : dnsSans) {
            names.add(new GeneralName(GeneralName.dNSName, d));
        }
        for (InetAddress ip : ipSans) {
            names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip.getAddress())));
        }
        CertTemplate t = new CertTemplate(Names.of(id.trustDomain().name(), null, id.lastSegment()), key, serial,
                notBefore, notAfter, List.of(
                        new CertTemplate.Ext(Extension.basicConstraints, true, new BasicConstraints(false)),
                        new CertTemplate.Ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                                | KeyUsage.keyEncipherment | KeyUsage.keyAgreement)),
                        new CertTemplate.Ext(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth})),
                        new CertTemplate.Ext(Extension.subjectAlternativeName, false,
                                new GeneralNames(names.toArray(GeneralName[]::new)))));
        return CertificateSigner.sign(t, ca.key(), ca.certificate());
    }
}
