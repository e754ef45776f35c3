package dev.lanyard.issuer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.CertificateSigner;
import dev.lanyard.common.x509.CertificateTemplate;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.server.ca.CaProofs;
import dev.lanyard.issuer.server.ca.CertificateAuthority;
import dev.lanyard.issuer.wire.CaProofResponse;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first-contact decision: which pins are accepted on what evidence. The issuer's side is the real
 * {@link CaProofs}; the attacks are a server holding only the public SPIFFE CA certificate, a replayed
 * proof, and a proof relayed from the real issuer onto another TLS connection.
 */
class CaPinVerifierTest {
    static final SecureRandom RANDOM = new SecureRandom();
    static final String HINT = "use the CA pin that lanyard ctl status prints";
    static final Instant NOW = Instant.now();

    final Pki real = new Pki(KeyType.EC_P256);
    final String nonce = nonce();

    /** An issuer's CAs and TLS chain. */
    record Pki(CertificateAuthority spiffe, CertificateAuthority next, CertificateAuthority host,
               X509Certificate leaf) {
        Pki(KeyType type) {
            this(ca("CN=SPIFFE CA", type), ca("CN=next SPIFFE CA", type), ca("CN=host CA", KeyType.EC_P256));
        }

        Pki(CertificateAuthority spiffe, CertificateAuthority next, CertificateAuthority host) {
            this(spiffe, next, host, CaPinVerifierTest.leaf(host));
        }

        List<X509Certificate> chain() {
            return List.of(leaf, host.certificate());
        }

        CaProofResponse prove(String nonce, CertificateAuthority... spiffeCas) {
            return CaProofs.prove("example.test", nonce, host.certificate(), leaf, List.of(spiffeCas));
        }

        String spiffePin() {
            return Certificates.spkiPin(spiffe.certificate());
        }
    }

    @Test
    void theSpiffeCaPinIsAcceptedOnASignatureByThatCa() {
        for (KeyType type : KeyType.values()) {
            Pki pki = new Pki(type);
            var trust = CaPinVerifier.verify(pki.chain(), List.of(pki.spiffePin()), nonce, pki.prove(nonce, pki.spiffe),
                    "i:1", HINT);
            assertEquals(pki.host.certificate(), trust.hostCa(), type.label());
            assertTrue(trust.spiffe());
        }
    }

    @Test
    void theHostCaPinIsAcceptedOnTheChainAlone() {
        String hostPin = Certificates.spkiPin(real.host.certificate());
        var trust = CaPinVerifier.verify(real.chain(), List.of(hostPin.toUpperCase().replace("SHA256", "sha256")),
                nonce, null, "i:1", HINT);
        assertEquals(real.host.certificate(), trust.hostCa());
        assertFalse(trust.spiffe());
    }

    @Test
    void aWrongPinIsRefusedWithTheIssuersPinsAndWhereToFindTheRightOne() {
        String wrong = "sha256:" + "22".repeat(32);
        LanyardException e = assertThrows(LanyardException.class, () -> CaPinVerifier.verify(real.chain(),
                List.of(wrong), nonce, real.prove(nonce, real.spiffe), "i:1", HINT));
        assertEquals(Failure.UNTRUSTED, e.failure());
        assertEquals("CA pin mismatch: the issuer at i:1 has SPIFFE CA pin " + real.spiffePin() + " and host CA pin "
                + Certificates.spkiPin(real.host.certificate()) + ", not " + wrong + "; " + HINT, e.getMessage());
    }

    @Test
    void aServerWithTheGenuinePublicCaCertificateButNotItsKeyIsRefused() {
        Pki impostor = new Pki(real.spiffe, real.next, ca("CN=impostor host CA", KeyType.EC_P256));
        KeyPair other = KeyType.EC_P256.generate(RANDOM);
        CaProofResponse forged = impostor.prove(nonce, new CertificateAuthority(other.getPrivate(),
                real.spiffe.certificate()));
        LanyardException e = assertThrows(LanyardException.class, () -> CaPinVerifier.verify(impostor.chain(),
                List.of(real.spiffePin()), nonce, forged, "i:1", HINT));
        assertEquals(Failure.UNTRUSTED, e.failure());
        assertTrue(e.getMessage().startsWith("i:1: the issuer shows SPIFFE CA " + real.spiffePin()
                + " but cannot prove it holds that CA's key"), e.getMessage());
    }

    @Test
    void aReplayedProofForAnotherNonceIsRefused() {
        CaProofResponse old = real.prove(nonce(), real.spiffe);
        assertThrows(LanyardException.class, () -> CaPinVerifier.verify(real.chain(), List.of(real.spiffePin()),
                nonce, old, "i:1", HINT));
    }

    @Test
    void aProofRelayedFromTheRealIssuerDoesNotVerifyOnAnotherConnection() {
        Pki relay = new Pki(real.spiffe, real.next, ca("CN=relay CA", KeyType.EC_P256));
        CaProofResponse relayed = real.prove(nonce, real.spiffe);
        LanyardException e = assertThrows(LanyardException.class, () -> CaPinVerifier.verify(relay.chain(),
                List.of(real.spiffePin()), nonce, relayed, "i:1", HINT));
        assertTrue(e.getMessage().contains("cannot prove"), e.getMessage());
        // the same relay re-using the real issuer's host CA certificate still serves another leaf
        X509Certificate otherLeaf = leaf(ca("CN=host CA", KeyType.EC_P256));
        assertThrows(LanyardException.class, () -> CaPinVerifier.verify(List.of(otherLeaf, real.host.certificate()),
                List.of(real.spiffePin()), nonce, relayed, "i:1", HINT));
    }

    @Test
    void duringARotationAPinOfEitherSpiffeCaWorks() {
        CaProofResponse both = real.prove(nonce, real.spiffe, real.next);
        for (CertificateAuthority ca : List.of(real.spiffe, real.next)) {
            var trust = CaPinVerifier.verify(real.chain(), List.of(Certificates.spkiPin(ca.certificate())), nonce,
                    both, "i:1", HINT);
            assertEquals(real.host.certificate(), trust.hostCa());
        }
        LanyardException e = assertThrows(LanyardException.class, () -> CaPinVerifier.verify(real.chain(),
                List.of("sha256:" + "33".repeat(32)), nonce, both, "i:1", HINT));
        assertTrue(e.getMessage().contains(real.spiffePin() + " or " + Certificates.spkiPin(real.next.certificate())),
                e.getMessage());
    }

    @Test
    void aChainWithoutTheSigningCaAndMalformedPinsAreRefused() {
        assertEquals(Failure.UNTRUSTED, assertThrows(LanyardException.class, () -> CaPinVerifier.verify(
                List.of(real.leaf), List.of(real.spiffePin()), nonce, real.prove(nonce, real.spiffe), "i:1", HINT))
                .failure());
        assertEquals(Failure.UNTRUSTED, assertThrows(LanyardException.class, () -> CaPinVerifier.verify(List.of(),
                List.of(real.spiffePin()), nonce, null, "i:1", HINT)).failure());
        for (String bad : new String[] {"sha256:abc", "sha1:" + "ab".repeat(32), "", null}) {
            LanyardException e = assertThrows(LanyardException.class, () -> CaPinVerifier.parsePin(bad, "--ca-pin"));
            assertEquals(Failure.USAGE, e.failure());
        }
        assertEquals(real.spiffePin(), CaPinVerifier.parsePin(" " + real.spiffePin().toUpperCase()
                .replace("SHA256", "sha256") + "\n", "--ca-pin"));
    }

    @Test
    void theIssuerRefusesNoncesThatAreNotFreshRandomBytes() {
        for (String bad : new String[] {null, "", "short", "not base64!" + "a".repeat(30),
            Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[65])}) {
            LanyardException e = assertThrows(LanyardException.class, () -> real.prove(bad, real.spiffe));
            assertEquals(Failure.INVALID_INPUT, e.failure());
        }
    }

    static String nonce() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static CertificateAuthority ca(String dn, KeyType type) {
        KeyPair kp = type.generate(RANDOM);
        X509Certificate cert = CertificateSigner.selfSign(CertificateTemplate.ca(dn, kp.getPublic(),
                BigInteger.valueOf(RANDOM.nextInt(1, Integer.MAX_VALUE)), NOW.minusSeconds(60), NOW.plusSeconds(3600))
                .build(), kp.getPrivate());
        return new CertificateAuthority(kp.getPrivate(), cert);
    }

    static X509Certificate leaf(CertificateAuthority host) {
        KeyPair kp = KeyType.EC_P256.generate(RANDOM);
        return CertificateSigner.sign(CertificateTemplate.leaf("OU=server,CN=lanyard-issuer", kp.getPublic(),
                BigInteger.TEN, NOW.minusSeconds(60), NOW.plusSeconds(3600)).build(), host.certificate(), host.key());
    }
}
