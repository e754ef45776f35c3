package dev.lanyard.emulator.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates test certificates at test time: CAs, leaves with chosen properties, CRLs. */
public final class TestPki {
    public static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    /** A certificate and its key pair. */
    public record Issued(X509Certificate cert, KeyPair keys) {
    }

    /** Leaf options; defaults give a valid EC P-256 SPIFFE leaf. */
    public static final class Leaf {
        public String subject = "CN=example-service,O=Lanyard Test";
        public String keyType = "EC";
        public List<GeneralName> sans = new ArrayList<>(List.of(
                new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://example.teleport.sh/svc/example-service")));
        public Integer keyUsage = KeyUsage.digitalSignature;
        public boolean ca = false;
        public String signatureAlgorithm = "SHA256withECDSA";
        public Instant notBefore = NOW.minus(Duration.ofDays(1));
        public Instant notAfter = NOW.plus(Duration.ofDays(30));
        public BigInteger serial = null;
    }

    private TestPki() {
    }

    public static Issued root(String cn) {
        KeyPair k = keys("EC");
        X500Name name = new X500Name("CN=" + cn + ",O=Lanyard Test");
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, nextSerial(), Date.from(NOW.minus(Duration.ofDays(10))),
                    Date.from(NOW.plus(Duration.ofDays(3650))), name, k.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new Issued(sign(b, k, "SHA256withECDSA"), k);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Issued intermediate(Issued parent, String cn) {
        KeyPair k = keys("EC");
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(parent.cert(), nextSerial(),
                    Date.from(NOW.minus(Duration.ofDays(5))), Date.from(NOW.plus(Duration.ofDays(1000))),
                    new javax.security.auth.x500.X500Principal("CN=" + cn + ",O=Lanyard Test"), k.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new Issued(sign(b, parent.keys(), "SHA256withECDSA"), k);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Issued leaf(Issued issuer, Leaf spec) {
        KeyPair k = keys(spec.keyType);
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.cert(),
                    spec.serial != null ? spec.serial : nextSerial(), Date.from(spec.notBefore), Date.from(spec.notAfter),
                    new javax.security.auth.x500.X500Principal(spec.subject), k.getPublic());
            if (spec.ca) {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            }
            if (spec.keyUsage != null) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage));
            }
            if (!spec.sans.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, spec.subject.isEmpty(), new GeneralNames(spec.sans.toArray(GeneralName[]::new)));
            }
            return new Issued(sign(b, issuer.keys(), spec.signatureAlgorithm), k);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509CRL crl(Issued issuer, BigInteger... revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded()),
                    Date.from(NOW.minus(Duration.ofHours(1))));
            b.setNextUpdate(Date.from(NOW.plus(Duration.ofDays(7))));
            for (BigInteger s : revoked) {
                b.addCRLEntry(s, Date.from(NOW.minus(Duration.ofMinutes(30))), CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.keys().getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair keys(String type) {
        try {
            if (type.equals("EC")) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance(type);
            if (type.equals("RSA")) {
                g.initialize(2048);
            }
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger nextSerial() {
        return new BigInteger(63, new java.security.SecureRandom()).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuer, String alg) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(alg).build(issuer.getPrivate())));
    }
}
