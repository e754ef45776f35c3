package dev.lanyard.issuer.server.ca;

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
 * Certificates from the host/user CA. Client identities carry {@code O=<cluster>, OU=<admin|user|bot>,
 * CN=<name>} and EKU clientAuth only, so they can never pass as the server. The server certificate
 * has {@code OU=server}, EKU serverAuth and the listen host names and addresses.
 */
public final class IdentityTemplate {
    public static final String SERVER_UNIT = "server";

    private IdentityTemplate() {
    }

    public static X509Certificate client(CertificateAuthority hostCa, String cluster, String kind, String name,
                                         PublicKey key, BigInteger serial, Instant notBefore, Instant notAfter) {
        CertTemplate t = new CertTemplate(Names.of(cluster, kind, name), key, serial, notBefore, notAfter, List.of(
                new CertTemplate.Ext(Extension.basicConstraints, true, new BasicConstraints(false)),
                new CertTemplate.Ext(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)),
                new CertTemplate.Ext(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))));
        return CertificateSigner.sign(t, hostCa.key(), hostCa.certificate());
    }

    public static X509Certificate server(CertificateAuthority hostCa, String cluster, List<String> dnsNames,
                                         List<InetAddress> ips, PublicKey key, BigInteger serial, Instant notBefore,
                                         Instant notAfter) {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
        ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip.getAddress()))));
        CertTemplate t = new CertTemplate(Names.of(cluster, SERVER_UNIT, "lanyard-issuer"), key, serial, notBefore,
                notAfter, List.of(
                        new CertTemplate.Ext(Extension.basicConstraints, true, new BasicConstraints(false)),
                        new CertTemplate.Ext(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)),
                        new CertTemplate.Ext(Extension.extendedKeyUsage, false,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)),
                        new CertTemplate.Ext(Extension.subjectAlternativeName, false,
                                new GeneralNames(names.toArray(GeneralName[]::new)))));
        return CertificateSigner.sign(t, hostCa.key(), hostCa.certificate());
    }
}
