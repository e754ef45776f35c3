package dev.lanyard.emulator.cli;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.Pem;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The HTTPS certificate for {@code --tls}: a local CA ({@code ca.pem}, give it to the AWS CLI with
 * --ca-bundle) and a server certificate for 127.0.0.1 and localhost, generated once in DATA_DIR/tls.
 */
record TlsMaterial(Path caCertificate, Path certificate, Path key) {
    static TlsMaterial loadOrCreate(Path dir, Clock clock) {
        TlsMaterial m = new TlsMaterial(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server-key.pem"));
        if (Files.exists(m.caCertificate) && Files.exists(m.certificate) && Files.exists(m.key)) {
            return m;
        }
        try {
            AtomicFiles.privateDirectory(dir);
            SecureRandom random = new SecureRandom();
            KeyPair caKey = ecKey(random);
            KeyPair serverKey = ecKey(random);
            Instant now = clock.instant();
            X500Name caName = new X500Name("CN=Lanyard Emulator Local CA,O=Lanyard");
            X509Certificate ca = sign(new JcaX509v3CertificateBuilder(caName, serial(random), Date.from(now.minusSeconds(300)),
                    Date.from(now.plus(Duration.ofDays(3650))), caName, caKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)), caKey);
            X509Certificate server = sign(new JcaX509v3CertificateBuilder(caName, serial(random),
                    Date.from(now.minusSeconds(300)), Date.from(now.plus(Duration.ofDays(825))),
                    new X500Name("CN=127.0.0.1,O=Lanyard"), serverKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")})),
                    caKey);
            AtomicFiles.write(m.key, Pem.encode("PRIVATE KEY", serverKey.getPrivate().getEncoded()), AtomicFiles.PRIVATE);
            AtomicFiles.write(m.certificate, Certificates.toPem(server) + Certificates.toPem(ca), AtomicFiles.PUBLIC);
            AtomicFiles.write(m.caCertificate, Certificates.toPem(ca), AtomicFiles.PUBLIC);
            return m;
        } catch (LanyardException e) {
            throw e;
        } catch (Exception e) {
            throw new LanyardException(Failure.INTERNAL, "cannot generate the TLS certificate (" + e.getMessage() + ")", e);
        }
    }

    private static KeyPair ecKey(SecureRandom random) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), random);
        return g.generateKeyPair();
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(120, random).add(BigInteger.ONE);
    }

    private static X509Certificate sign(org.bouncycastle.cert.X509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }
}
