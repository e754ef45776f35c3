package dev.lanyard.signer.testing;

import dev.lanyard.common.x509.Pem;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates generated at test time (bcpkix-fips builder, JDK keys and signatures): a root CA,
 * intermediates and leaves shaped like SPIFFE SVIDs, with knobs for the broken variants.
 */
public final class TestPki {
    public enum KeyType { EC, RSA, RSA_1024 }

    /** A certificate and its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keys) {
        public String certificatePem() {
            return Pem.encode("CERTIFICATE", der());
        }

        public String keyPem() {
            return Pem.encode("PRIVATE KEY", keys.getPrivate().getEncoded());
        }

        public byte[] der() {
            try {
                return certificate.getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        public Path writeCertificate(Path file) throws java.io.IOException {
            return Files.writeString(file, certificatePem());
        }

        public Path writeKey(Path file) throws java.io.IOException {
            return Files.writeString(file, keyPem());
        }
    }

    /** What a leaf looks like; each test changes only what it is about. */
    public record LeafSpec(String subject, String uriSan, KeyType keyType, Instant notBefore, Instant notAfter,
                           boolean digitalSignature, boolean ca) {
        public static LeafSpec svid(Instant now) {
            return new LeafSpec("CN=example-service,O=Lanyard Test", "spiffe://example.org/svc/example-service",
                    KeyType.EC, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), true, false);
        }

        public LeafSpec withKeyType(KeyType t) {
            return new LeafSpec(subject, uriSan, t, notBefore, notAfter, digitalSignature, ca);
        }

        public LeafSpec withValidity(Instant from, Instant to) {
            return new LeafSpec(subject, uriSan, keyType, from, to, digitalSignature, ca);
        }

        public LeafSpec withSubject(String s) {
            return new LeafSpec(s, uriSan, keyType, notBefore, notAfter, digitalSignature, ca);
        }

        public LeafSpec withDigitalSignature(boolean on) {
            return new LeafSpec(subject, uriSan, keyType, notBefore, notAfter, on, ca);
        }

        public LeafSpec withCa(boolean on) {
            return new LeafSpec(subject, uriSan, keyType, notBefore, notAfter, digitalSignature, on);
        }
    }

    private final AtomicLong serial = new AtomicLong(1000);
    private final Instant now;

    public TestPki(Instant now) {
        this.now = now;
    }

    public static KeyPair keyPair(KeyType type) {
        try {
            if (type != KeyType.EC) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(type == KeyType.RSA ? 2048 : 1024);
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Issued root(String subject) {
        KeyPair kp = keyPair(KeyType.EC);
        return new Issued(build(subject, kp, subject, kp, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)),
                -1, KeyUsage.keyCertSign | KeyUsage.cRLSign, null), kp);
    }

    public Issued intermediate(Issued issuer, String subject) {
        KeyPair kp = keyPair(KeyType.EC);
        return new Issued(build(subject, kp, issuer.certificate().getSubjectX500Principal().getName(), issuer.keys(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1800)), 0,
                KeyUsage.keyCertSign | KeyUsage.cRLSign, null), kp);
    }

    public Issued leaf(Issued issuer, LeafSpec spec) {
        KeyPair kp = keyPair(spec.keyType());
        int usage = spec.digitalSignature() ? KeyUsage.digitalSignature : KeyUsage.keyEncipherment;
        return new Issued(build(spec.subject(), kp, issuer.certificate().getSubjectX500Principal().getName(),
                issuer.keys(), spec.notBefore(), spec.notAfter(), spec.ca() ? 0 : -2, usage, spec.uriSan()), kp);
    }

    /** A TLS server certificate for 127.0.0.1 and localhost, and an SSLContext serving it. */
    public javax.net.ssl.SSLContext serverContext(Issued issuer) {
        try {
            KeyPair kp = keyPair(KeyType.EC);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.certificate().getSubjectX500Principal(),
                    BigInteger.valueOf(serial.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))), new X500Principal("CN=localhost"), kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.keys().getPrivate())));
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", kp.getPrivate(), "pw".toCharArray(),
                    new java.security.cert.Certificate[] {cert, issuer.certificate()});
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, "pw".toCharArray());
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code pathLen}: -1 CA without limit, -2 not a CA, n ≥ 0 CA with pathLen n. */
    private X509Certificate build(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                                  Instant from, Instant to, int pathLen, int keyUsage, String uri) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Principal(issuer),
                    BigInteger.valueOf(serial.incrementAndGet()), Date.from(from), Date.from(to),
                    new X500Principal(subject), subjectKeys.getPublic());
            BasicConstraints bc = pathLen == -2 ? new BasicConstraints(false)
                    : pathLen == -1 ? new BasicConstraints(true) : new BasicConstraints(pathLen);
            b.addExtension(Extension.basicConstraints, true, bc);
            b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            if (uri != null) {
                b.addExtension(Extension.subjectAlternativeName, subject.isEmpty(),
                        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, uri)));
            }
            String alg = issuerKeys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(alg).build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
