package dev.lanyard.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void issuesAndValidatesAChain() {
        TestPki.Chain pki = TestPki.chain("EC-P256#mode-leaf");
        CertificateChain.Path path = CertificateChain.build(pki.leaf(), List.of(pki.intermediate()), List.of(pki.root()),
                TestPki.NOW);
        assertEquals(3, path.certificates().size());
        for (var cert : path.certificates()) {
            context().requireApproved(cert, "chain");
        }
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
