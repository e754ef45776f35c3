package dev.lanyard.issuer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.CertificateSigner;
import dev.lanyard.common.x509.CertificateTemplate;
import dev.lanyard.common.x509.Certificates;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** First contact: which host CA the bot trusts, given the chain it saw, the issuer's claims and its pins. */
class CaPinCheckTest {
    static final String SPIFFE_PIN = "sha256:" + "11".repeat(32);
    static X509Certificate hostCa;
    static X509Certificate otherCa;
    static X509Certificate leaf;
    static String hostPin;

    @BeforeAll
    static void certificates() throws Exception {
        Instant now = Instant.now();
        KeyPair ca = key();
        KeyPair other = key();
        KeyPair server = key();
        hostCa = CertificateSigner.selfSign(CertificateTemplate.ca("CN=host CA", ca.getPublic(), BigInteger.ONE,
                now.minusSeconds(60), now.plusSeconds(3600)).build(), ca.getPrivate());
        otherCa = CertificateSigner.selfSign(CertificateTemplate.ca("CN=other CA", other.getPublic(), BigInteger.TWO,
                now.minusSeconds(60), now.plusSeconds(3600)).build(), other.getPrivate());
        leaf = CertificateSigner.sign(CertificateTemplate.leaf("OU=server,CN=issuer", server.getPublic(),
                BigInteger.TEN, now.minusSeconds(60), now.plusSeconds(3600)).build(), hostCa, ca.getPrivate());
        hostPin = Certificates.spkiPin(hostCa);
    }

    @Test
    void theSpiffeCaPinOrTheHostCaPinSelectsTheHostCa() {
        assertEquals(hostCa, CaPinCheck.hostCa(List.of(leaf, hostCa), SPIFFE_PIN, hostPin, List.of(SPIFFE_PIN), "i:1"));
        assertEquals(hostCa, CaPinCheck.hostCa(List.of(leaf, hostCa), SPIFFE_PIN, hostPin, List.of(hostPin), "i:1"));
    }

    @Test
    void aPinOfAnotherClusterIsRefused() {
        LanyardException e = assertThrows(LanyardException.class, () -> CaPinCheck.hostCa(List.of(leaf, hostCa),
                SPIFFE_PIN, hostPin, List.of("sha256:" + "22".repeat(32)), "i:1"));
        assertEquals(Failure.UNTRUSTED, e.failure());
        assertTrue(e.getMessage().contains("CA pin is " + SPIFFE_PIN), e.getMessage());
    }

    @Test
    void aChainThatDoesNotMatchTheAnnouncedHostCaIsRefused() {
        String otherPin = Certificates.spkiPin(otherCa);
        LanyardException e = assertThrows(LanyardException.class, () -> CaPinCheck.hostCa(List.of(leaf, otherCa),
                SPIFFE_PIN, otherPin, List.of(SPIFFE_PIN), "i:1"));
        assertTrue(e.getMessage().contains("does not chain to its host CA"), e.getMessage());
        assertThrows(LanyardException.class, () -> CaPinCheck.hostCa(List.of(leaf), SPIFFE_PIN, hostPin,
                List.of(SPIFFE_PIN), "i:1"));
    }

    @Test
    void theBundleMustCarryTheConfiguredSpiffePin() {
        CaPinCheck.requireBundlePin(List.of(SPIFFE_PIN), hostPin, List.of(SPIFFE_PIN), "i:1");
        CaPinCheck.requireBundlePin(List.of(), hostPin, List.of(hostPin), "i:1");
        assertThrows(LanyardException.class, () -> CaPinCheck.requireBundlePin(List.of("sha256:" + "33".repeat(32)),
                hostPin, List.of(SPIFFE_PIN), "i:1"));
    }

    private static KeyPair key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }
}
