package dev.lanyard.common.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificatesTest {
    static final TestPki.Chain PKI = TestPki.chain("EC-P384");

    @Test
    void bundleRoundTripsThroughPem() {
        String pem = Certificates.toPem(List.of(PKI.leaf(), PKI.intermediate(), PKI.root()));
        String withNoise = "leaf and chain\n" + pem + Pem.encode("PRIVATE KEY", new byte[] {1, 2});
        List<X509Certificate> certs = Certificates.parseAll(withNoise.getBytes(StandardCharsets.UTF_8), "bundle.pem");
        assertEquals(List.of(PKI.leaf(), PKI.intermediate(), PKI.root()), certs);
        assertEquals(PKI.leaf(), Certificates.parseOne(pem.getBytes(StandardCharsets.UTF_8), "bundle.pem"));
    }

    @Test
    void derCertificate() {
        assertEquals(List.of(PKI.root()), Certificates.parseAll(Certificates.der(PKI.root()), "root.der"));
    }

    @Test
    void pinsAndFingerprints() throws Exception {
        String expected = "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(PKI.root().getPublicKey().getEncoded()));
        assertEquals(expected, Certificates.spkiPin(PKI.root()));
        assertTrue(Certificates.sha256Hex(PKI.root()).matches("[0-9a-f]{64}"));
    }

    @Test
    void errors() throws Exception {
        assertFails(new byte[0], "svid.pem: file is empty; expected a PEM or DER certificate");
        assertFails(PrivateKeysTest.resource("mismatched-key.pem"),
                "svid.pem: no CERTIFICATE block found in PEM; is this a key file?");
        assertFails(PrivateKeysTest.resource("not-pem.txt"), "svid.pem: not a valid X.509 certificate (tried PEM and DER)");
        assertFails("-----BEGIN CERTIFICATE-----\nAAAA\n".getBytes(StandardCharsets.US_ASCII),
                "svid.pem: PEM block \"CERTIFICATE\" has no END line");
    }

    @Test
    void signerBuildsTheExtensionsItWasAsked() throws Exception {
        X509Certificate leaf = PKI.leaf();
        assertEquals(3, leaf.getVersion());
        assertEquals(-1, leaf.getBasicConstraints());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), leaf.getExtendedKeyUsage());
        assertEquals("SHA256withECDSA", leaf.getSigAlgName());
        assertEquals(Integer.MAX_VALUE, PKI.root().getBasicConstraints());
        byte[] ski = PKI.intermediate().getExtensionValue("2.5.29.14");
        byte[] aki = leaf.getExtensionValue("2.5.29.35");
        byte[] skiValue = Der.read(Der.read(ski, 0).value(), 0).value();
        byte[] akiKeyId = Der.read(Der.read(aki, 0).value(), 0).children().get(0).value();
        assertEquals(HexFormat.of().formatHex(skiValue), HexFormat.of().formatHex(akiKeyId));
        assertEquals("SHA384withECDSA", TestPki.selfSigned(TestPki.caTemplate("P384", TestPki.key("EC-P384")),
                TestPki.key("EC-P384")).getSigAlgName());
    }

    private static void assertFails(byte[] data, String message) {
        LanyardException e = assertThrows(LanyardException.class, () -> Certificates.parseAll(data, "svid.pem"));
        assertEquals(message, e.getMessage());
        assertEquals(Failure.KEY_OR_CERTIFICATE, e.failure());
    }
}
