package dev.lanyard.common.x509;

import static dev.lanyard.common.testing.TestPki.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.testing.TestPki;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateChainTest {
    static final TestPki.Chain PKI = TestPki.chain("EC-P256#leaf");
    static final KeyPair ROOT_KEY = PKI.rootKey();
    static final X509Certificate ROOT = PKI.root();
    static final X509Certificate INT = PKI.intermediate();
    static final X509Certificate LEAF = PKI.leaf();

    @Test
    void good() {
        CertificateChain.Path path = CertificateChain.build(LEAF, List.of(INT), List.of(ROOT), NOW);
        assertEquals(List.of(LEAF, INT, ROOT), path.certificates());
        assertEquals(LEAF, path.leaf());
        assertEquals(ROOT, path.anchor());
        assertEquals(List.of(INT), path.intermediates());
    }

    @Test
    void leafIssuedByTheAnchorDirectly() {
        KeyPair key = TestPki.key("EC-P256#direct");
        X509Certificate leaf = TestPki.issue(TestPki.leafTemplate("spiffe://example.org/a", key), ROOT, ROOT_KEY);
        assertEquals(List.of(leaf, ROOT), CertificateChain.build(leaf, List.of(), List.of(ROOT), NOW).certificates());
    }

    @Test
    void intermediatesInWrongOrderAndWithLeafAndAnchorIncluded() {
        KeyPair int2Key = TestPki.key("EC-P384#int2");
        X509Certificate int2 = TestPki.issue(TestPki.caTemplate("Second Intermediate", int2Key), INT, PKI.intermediateKey());
        KeyPair leafKey = TestPki.key("RSA-2048");
        X509Certificate leaf = TestPki.issue(TestPki.leafTemplate("spiffe://example.org/b", leafKey), int2, int2Key);
        CertificateChain.Path path = CertificateChain.build(leaf, List.of(ROOT, INT, leaf, int2), List.of(ROOT), NOW);
        assertEquals(List.of(leaf, int2, INT, ROOT), path.certificates());
    }

    @Test
    void mixedAlgorithmsMlDsaRootRsaIntermediateEcLeaf() {
        KeyPair rootKey = TestPki.key("ML-DSA-87");
        X509Certificate root = TestPki.selfSigned(TestPki.caTemplate("ML-DSA Root", rootKey), rootKey);
        KeyPair intKey = TestPki.key("RSA-4096");
        X509Certificate intermediate = TestPki.issue(TestPki.caTemplate("RSA Intermediate", intKey), root, rootKey);
        X509Certificate leaf = TestPki.issue(TestPki.leafTemplate("spiffe://example.org/pq", TestPki.key("EC-P521")),
                intermediate, intKey);
        assertEquals("ML-DSA-87", intermediate.getSigAlgName());
        assertEquals("SHA384withRSA", leaf.getSigAlgName());
        assertEquals(List.of(leaf, intermediate, root),
                CertificateChain.build(leaf, List.of(intermediate), List.of(root), NOW).certificates());
    }

    @Test
    void missingIntermediate() {
        assertUntrusted(() -> CertificateChain.build(LEAF, List.of(), List.of(ROOT), NOW),
                "chain: no certificate in the trust anchor or intermediates issued \"CN=Intermediate CA,O=Lanyard Test\""
                        + " (issuer of \"CN=leaf,O=Lanyard Test\")");
    }

    @Test
    void sameNameDifferentKey() {
        KeyPair other = TestPki.key("EC-P256#impostor");
        X509Certificate impostor = TestPki.selfSigned(TestPki.caTemplate("Intermediate CA", other), other);
        assertUntrusted(() -> CertificateChain.build(LEAF, List.of(impostor), List.of(ROOT), NOW),
                "chain: no certificate in the trust anchor or intermediates issued \"CN=Intermediate CA,O=Lanyard Test\""
                        + " (issuer of \"CN=leaf,O=Lanyard Test\"); a certificate named \"CN=Intermediate CA,O=Lanyard"
                        + " Test\" exists but its key did not sign \"CN=leaf,O=Lanyard Test\"");
    }

    @Test
    void noAnchors() {
        assertUntrusted(() -> CertificateChain.build(LEAF, List.of(INT), List.of(), NOW),
                "no trust anchor certificates to validate against");
    }

    @Test
    void expiredLeaf() {
        assertUntrusted(() -> CertificateChain.build(LEAF, List.of(INT), List.of(ROOT), TestPki.NOT_AFTER.plusSeconds(1)),
                "chain: leaf \"CN=leaf,O=Lanyard Test\" expired at " + TestPki.NOT_AFTER);
    }

    @Test
    void leafNotYetValid() {
        assertUntrusted(() -> CertificateChain.build(LEAF, List.of(INT), List.of(ROOT), TestPki.NOT_BEFORE.minusSeconds(1)),
                "chain: leaf \"CN=leaf,O=Lanyard Test\" is not valid until " + TestPki.NOT_BEFORE);
    }

    @Test
    void expiredIntermediate() {
        KeyPair key = TestPki.key("EC-P256#old-int");
        X509Certificate old = TestPki.issue(new CertificateTemplate.Builder("CN=Old CA", key.getPublic(),
                TestPki.serial(), NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(1))).ca(true)
                .keyUsage(EnumSet.of(KeyUsage.KEY_CERT_SIGN)), ROOT, ROOT_KEY);
        X509Certificate leaf = TestPki.issue(TestPki.leafTemplate("spiffe://example.org/c", TestPki.key("EC-P256")), old, key);
        assertUntrusted(() -> CertificateChain.build(leaf, List.of(old), List.of(ROOT), NOW),
                "chain: intermediate \"CN=Old CA\" expired at " + NOW.minus(Duration.ofDays(1)));
    }

    @Test
    void caWithoutKeyCertSign() {
        KeyPair key = TestPki.key("EC-P256#no-kcs");
        X509Certificate ca = TestPki.issue(TestPki.caTemplate("No KeyCertSign CA", key)
                .keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.CRL_SIGN)), ROOT, ROOT_KEY);
        X509Certificate leaf = TestPki.issue(TestPki.leafTemplate("spiffe://example.org/d", TestPki.key("EC-P256")), ca, key);
        assertUntrusted(() -> CertificateChain.build(leaf, List.of(ca), List.of(ROOT), NOW),
                "chain: intermediate \"CN=No KeyCertSign CA,O=Lanyard Test\" lacks keyUsage keyCertSign");
    }

    @Test
    void intermediateThatIsNotACa() {
        KeyPair key = TestPki.key("EC-P256#not-ca");
        X509Certificate notCa = TestPki.issue(TestPki.caTemplate("Not A CA", key).ca(false), ROOT, ROOT_KEY);
        X509Certificate leaf = TestPki.issue(TestPki.leafTemplate("spiffe://example.org/e", TestPki.key("EC-P256")), notCa, key);
        assertUntrusted(() -> CertificateChain.build(leaf, List.of(notCa), List.of(ROOT), NOW),
                "chain: intermediate \"CN=Not A CA,O=Lanyard Test\" is not a CA (basicConstraints cA is not true)");
    }

    @Test
    void pathLenExceededAtTheAnchor() {
        KeyPair rootKey = TestPki.key("EC-P256#pathlen-root");
        X509Certificate root = TestPki.selfSigned(TestPki.caTemplate("PathLen0 Root", rootKey).pathLen(0), rootKey);
        KeyPair intKey = TestPki.key("EC-P256#pathlen-int");
        X509Certificate intermediate = TestPki.issue(TestPki.caTemplate("Under PathLen0", intKey), root, rootKey);
        X509Certificate leaf = TestPki.issue(TestPki.leafTemplate("spiffe://example.org/f", TestPki.key("EC-P256")),
                intermediate, intKey);
        assertUntrusted(() -> CertificateChain.build(leaf, List.of(intermediate), List.of(root), NOW),
                "chain: trust anchor \"CN=PathLen0 Root,O=Lanyard Test\" has pathLenConstraint 0 but 1 intermediate CA"
                        + " certificate follows it");
        X509Certificate direct = TestPki.issue(TestPki.leafTemplate("spiffe://example.org/g", TestPki.key("EC-P256")),
                root, rootKey);
        assertEquals(2, CertificateChain.build(direct, List.of(), List.of(root), NOW).certificates().size());
    }

    @Test
    void pathLenExceededAtAnIntermediate() {
        KeyPair aKey = TestPki.key("EC-P256#pl-a");
        X509Certificate a = TestPki.issue(TestPki.caTemplate("PathLen0 Intermediate", aKey).pathLen(0), ROOT, ROOT_KEY);
        KeyPair bKey = TestPki.key("EC-P256#pl-b");
        X509Certificate b = TestPki.issue(TestPki.caTemplate("Below PathLen0", bKey), a, aKey);
        X509Certificate leaf = TestPki.issue(TestPki.leafTemplate("spiffe://example.org/h", TestPki.key("EC-P256")), b, bKey);
        assertUntrusted(() -> CertificateChain.build(leaf, List.of(a, b), List.of(ROOT), NOW),
                "chain: intermediate \"CN=PathLen0 Intermediate,O=Lanyard Test\" has pathLenConstraint 0 but 1"
                        + " intermediate CA certificate follows it");
    }

    @Test
    void pathLenOneAllowsOneIntermediate() {
        KeyPair rootKey = TestPki.key("EC-P256#pl1-root");
        X509Certificate root = TestPki.selfSigned(TestPki.caTemplate("PathLen1 Root", rootKey).pathLen(1), rootKey);
        KeyPair intKey = TestPki.key("EC-P256#pl1-int");
        X509Certificate intermediate = TestPki.issue(TestPki.caTemplate("Under PathLen1", intKey).pathLen(0), root, rootKey);
        X509Certificate leaf = TestPki.issue(TestPki.leafTemplate("spiffe://example.org/i", TestPki.key("EC-P256")),
                intermediate, intKey);
        assertEquals(3, CertificateChain.build(leaf, List.of(intermediate), List.of(root), NOW).certificates().size());
    }

    @Test
    void rotationPrefersTheValidAnchorOfTwoWithTheSameKey() {
        X509Certificate expiredRoot = TestPki.selfSigned(new CertificateTemplate.Builder("CN=Root CA,O=Lanyard Test",
                ROOT_KEY.getPublic(), TestPki.serial(), NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(2)))
                .ca(true).keyUsage(EnumSet.of(KeyUsage.KEY_CERT_SIGN)), ROOT_KEY);
        CertificateChain.Path path = CertificateChain.build(LEAF, List.of(INT), List.of(expiredRoot, ROOT), NOW);
        assertEquals(ROOT, path.anchor());
    }

    private static void assertUntrusted(org.junit.jupiter.api.function.Executable build, String message) {
        LanyardException e = assertThrows(LanyardException.class, build);
        assertEquals(message, e.getMessage());
        assertEquals(Failure.UNTRUSTED, e.failure());
    }
}
