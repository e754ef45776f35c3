package dev.lanyard.issuer.server.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.common.spiffe.SpiffeId;
import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.crypto.KeyType;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DER template must produce exactly the TBSCertificate that the BouncyCastle certificate builder
 * (the profile as first written, kept here as the reference) produces for the same inputs, and a
 * signature that verifies with the CA key.
 */
class SvidTemplateTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TrustDomain TD = TrustDomain.parse("example.teleport.sh");
    private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");

    static Stream<Arguments> cases() throws Exception {
        String longSegment = "s".repeat(80);
        return Stream.of(
                Arguments.of("EC CA, SPIFFE ID only", KeyType.EC_P256, "/svc/example-service", List.of(), List.of(),
                        new BigInteger("7f" + "11".repeat(15), 16), NOW.plusSeconds(3600)),
                Arguments.of("EC CA, serial with the high bit set", KeyType.EC_P256, "/svc/a", List.of(), List.of(),
                        new BigInteger("ff" + "00".repeat(14) + "01", 16), NOW.plusSeconds(86400)),
                Arguments.of("EC CA, DNS and IP SANs", KeyType.EC_P256, "/ns/prod/sa/web",
                        List.of("web.example.com", "*.svc.local"),
                        List.of(InetAddress.getByName("10.0.0.7"), InetAddress.getByName("2001:db8::1")),
                        BigInteger.valueOf(42), NOW.plusSeconds(60)),
                Arguments.of("EC CA, last segment over 64 characters", KeyType.EC_P256, "/svc/" + longSegment,
                        List.of(), List.of(), BigInteger.ONE, NOW.plusSeconds(3600)),
                Arguments.of("EC CA, notAfter in 2050 (GeneralizedTime)", KeyType.EC_P256, "/svc/late", List.of(),
                        List.of(), BigInteger.TEN, Instant.parse("2050-01-01T00:00:00Z")),
                Arguments.of("RSA CA", KeyType.RSA_2048, "/svc/rsa", List.of("rsa.example.com"), List.of(),
                        BigInteger.valueOf(99), NOW.plusSeconds(3600)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameTbsAsTheBuilderAndAValidSignature(String name, KeyType caType, String path, List<String> dns,
                                               List<InetAddress> ips, BigInteger serial, Instant notAfter)
            throws Exception {
        CertificateAuthority ca = CaTemplates.spiffeCa(TD, caType, NOW, RANDOM);
        PublicKey key = KeyType.EC_P256.generate(RANDOM).getPublic();
        SpiffeId id = SpiffeId.fromPath(TD, path);
        Instant notBefore = NOW.minusSeconds(60);

        byte[] der = SvidTemplate.of(ca).issue(id, key, dns, ips, serial, notBefore, notAfter);
        X509Certificate fast = Certificates.parseOne(der, "template");
        X509Certificate reference = reference(ca, id, key, dns, ips, serial, notBefore, notAfter);

        assertArrayEquals(reference.getTBSCertificate(), fast.getTBSCertificate());
        assertEquals(reference.getSigAlgOID(), fast.getSigAlgOID());
        fast.verify(ca.certificate().getPublicKey());
        assertArrayEquals(der, fast.getEncoded());
    }

    /** The SVID profile built with X509v3CertificateBuilder, as SvidTemplate did before the DER template. */
    private static X509Certificate reference(CertificateAuthority ca, SpiffeId id, PublicKey key, List<String> dnsSans,
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
