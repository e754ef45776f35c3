package dev.lanyard.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.testing.TestPki;
import dev.lanyard.common.x509.CertificateChain;
import dev.lanyard.common.x509.KeyMatch;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.common.x509.PrivateKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What must work the same in both crypto modes; one subclass per mode, each in its own JVM. */
abstract class CryptoModeContract {
    abstract CryptoContext context();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RSA-2048", "RSA-3072", "EC-P256", "EC-P384", "EC-P521"})
    void signsAndVerifiesWithApprovedKeys(String keyName) throws Exception {
        KeyPair key = TestPki.key(keyName);
        context().requireApproved(key.getPublic(), keyName);
        String algorithm = KeyMatch.signatureAlgorithm(key.getPrivate());
        Signature signer = context().signature(algorithm);
        signer.initSign(key.getPrivate(), context().random());
        signer.update("payload".getBytes(StandardCharsets.US_ASCII));
        byte[] signature = signer.sign();
        Signature verifier = context().signature(algorithm);
        verifier.initVerify(key.getPublic());
        verifier.update("payload".getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(signature));
        if (context().provider() != null) {
            assertEquals(context().provider(), signer.getProvider().getName());
        }
    }

    /** The JDK signs with ML-DSA; the BC-FIPS 2.1 module has no ML-DSA, which FIPS mode reports in one line. */
    @Test
    void mlDsaWhereTheProviderHasIt() throws Exception {
        if (context().fips()) {
            LanyardException e = assertThrows(LanyardException.class, () -> context().signature("ML-DSA"));
            assertEquals(Failure.NOT_APPROVED, e.failure());
            assertEquals("signature algorithm ML-DSA is not available in FIPS mode (no such algorithm: ML-DSA for"
                    + " provider BCFIPS); use an approved algorithm or run without --fips", e.getMessage());
            return;
        }
        KeyPair key = TestPki.key("ML-DSA-65");
        Signature signer = context().signature("ML-DSA");
        signer.initSign(key.getPrivate());
        signer.update(new byte[] {7});
        Signature verifier = context().signature("ML-DSA");
        verifier.initVerify(key.getPublic());
        verifier.update(new byte[] {7});
        assertTrue(verifier.verify(signer.sign()));
    }

    @Test
    void issuesAndValidatesAChain() {
        TestPki.Chain pki = TestPki.chain("EC-P256#mode-leaf");
        CertificateChain.Path path = CertificateChain.build(pki.leaf(), List.of(pki.intermediate()), List.of(pki.root()),
                TestPki.NOW, context());
        assertEquals(List.of(pki.leaf(), pki.intermediate(), pki.root()), path.certificates());
    }

    @Test
    void readsKeys() {
        KeyPair key = TestPki.key("EC-P384");
        byte[] pem = Pem.encode("PRIVATE KEY", key.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII);
        PrivateKey parsed = PrivateKeys.parse(pem, "svid_key.pem");
        assertTrue(KeyMatch.matches(parsed, key.getPublic()));
    }

    @Test
    void keyStoreOfTheModeHoldsAKey() throws Exception {
        var store = context().newKeyStore();
        TestPki.Chain pki = TestPki.chain("EC-P256#store");
        char[] password = "a long enough key store password".toCharArray();
        store.setKeyEntry("svid", pki.leafKey().getPrivate(), password,
                new java.security.cert.Certificate[] {pki.leaf(), pki.intermediate()});
        assertTrue(KeyMatch.matches((PrivateKey) store.getKey("svid", password), pki.leaf().getPublicKey()));
        assertEquals(context().keyStoreType(), store.getType());
    }
}
