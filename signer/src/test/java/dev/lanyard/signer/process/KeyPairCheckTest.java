package dev.lanyard.signer.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.PrivateKeys;
import dev.lanyard.signer.testing.TestPki;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signature-free key pair decision: RSA by modulus, EC by the embedded public point, else unknown. */
class KeyPairCheckTest {
    static Path vector(String name) throws URISyntaxException {
        return Path.of(KeyPairCheckTest.class.getResource("/vectors/" + name).toURI());
    }

    @Test
    void decisionTable() throws Exception {
        // OpenSSL-written keys (the vectors) carry the EC public point; JDK-generated ones do not
        PrivateKey ecOpenssl = PrivateKeys.parse(Files.readAllBytes(vector("ec-p256-basic/leaf-key.pem")), "k");
        X509Certificate ecCert = Certificates.parseOne(Files.readAllBytes(vector("ec-p256-basic/leaf-cert.pem")), "c");
        X509Certificate otherEcCert = Certificates.parseOne(
                Files.readAllBytes(vector("ec-p256-intermediate-sessionname/leaf-cert.pem")), "c");
        PrivateKey rsa = PrivateKeys.parse(Files.readAllBytes(vector("rsa-2048-basic/leaf-key.pem")), "k");
        X509Certificate rsaCert = Certificates.parseOne(Files.readAllBytes(vector("rsa-2048-basic/leaf-cert.pem")), "c");
        X509Certificate otherRsaCert = Certificates.parseOne(Files.readAllBytes(vector("rsa-2048-duration-900/leaf-cert.pem")), "c");
        TestPki pki = new TestPki(Instant.now());
        TestPki.Issued jdkLeaf = pki.leaf(pki.root("CN=R"), TestPki.LeafSpec.svid(Instant.now()));

        assertEquals(KeyPairCheck.Result.MATCH, KeyPairCheck.check(ecOpenssl, ecCert));
        assertEquals(KeyPairCheck.Result.MISMATCH, KeyPairCheck.check(ecOpenssl, otherEcCert));
        assertEquals(KeyPairCheck.Result.MATCH, KeyPairCheck.check(rsa, rsaCert));
        assertEquals(KeyPairCheck.Result.MISMATCH, KeyPairCheck.check(rsa, otherRsaCert));
        assertEquals(KeyPairCheck.Result.UNKNOWN, KeyPairCheck.check(jdkLeaf.keys().getPrivate(), jdkLeaf.certificate()));
        assertEquals(KeyPairCheck.Result.UNKNOWN, KeyPairCheck.check(ecOpenssl, rsaCert));
    }
}
