package dev.lanyard.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.testing.Openssl;
import dev.lanyard.common.testing.TestPki;
import dev.lanyard.common.x509.CertificateChain;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.KeyMatch;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.common.x509.PrivateKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.security.KeyPairGenerator;
import java.security.Security;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** FIPS mode: BouncyCastle FIPS first, approved-only. Runs in its own JVM (surefire execution fips-test). */
@Tag("fips")
class FipsModeTest extends CryptoModeContract {
    static final CryptoContext CONTEXT = CryptoProviders.install(CryptoMode.FIPS);

    @Override
    CryptoContext context() {
        return CONTEXT;
    }

    @Test
    void installsBouncyCastleFipsFirstInApprovedOnlyMode() {
        CryptoContext again = CryptoProviders.install(CryptoMode.FIPS);
        assertEquals(CryptoProviders.FIPS_PROVIDER, Security.getProviders()[0].getName());
        assertEquals(1, java.util.Arrays.stream(Security.getProviders())
                .filter(p -> p.getName().equals(CryptoProviders.FIPS_PROVIDER)).count());
        assertTrue(CryptoServicesRegistrar.isInApprovedOnlyMode());
        java.util.concurrent.atomic.AtomicBoolean otherThread = new java.util.concurrent.atomic.AtomicBoolean();
        Thread t = Thread.ofPlatform().start(() -> otherThread.set(CryptoServicesRegistrar.isInApprovedOnlyMode()));
        assertTrue(joined(t) && otherThread.get(), "approved-only mode applies to every thread");
        assertTrue(again.fips());
        assertEquals("BCFKS", again.keyStoreType());
        assertEquals(CryptoProviders.FIPS_PROVIDER, again.provider());
        assertEquals(CryptoProviders.FIPS_PROVIDER, again.random().getProvider().getName());
        assertEquals(CryptoMode.FIPS, CryptoProviders.active());
    }

    private static boolean joined(Thread t) {
        try {
            t.join();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void generatesKeysWithTheFipsProvider() {
        var generator = CONTEXT.keyPairGenerator("EC");
        assertEquals(CryptoProviders.FIPS_PROVIDER, generator.getProvider().getName());
    }

    @Test
    void providerRefusesNonApprovedOperations() {
        Throwable e = assertThrows(Throwable.class, () -> {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", CryptoProviders.FIPS_PROVIDER);
            g.initialize(1024);
            g.generateKeyPair();
        });
        assertTrue(FipsPolicy.isRefusal(e), e.toString());
        assertThrows(java.security.NoSuchAlgorithmException.class,
                () -> java.security.MessageDigest.getInstance("MD5", CryptoProviders.FIPS_PROVIDER));
    }

    @Test
    void sha1CertificateIsRefusedOnEveryPath() {
        byte[] pem = Openssl.run(new byte[0], "req", "-x509", "-sha1", "-newkey", "rsa:2048", "-nodes", "-keyout",
                "/dev/null", "-subj", "/CN=sha1 root", "-days", "36500");
        X509Certificate cert = Certificates.parseOne(pem, "sha1.pem");
        LanyardException policy = assertThrows(LanyardException.class, () -> CONTEXT.requireApproved(cert, "sha1.pem"));
        assertEquals(Failure.NOT_APPROVED, policy.failure());
        LanyardException chain = assertThrows(LanyardException.class, () -> CertificateChain.build(cert, List.of(),
                List.of(cert), java.time.Instant.now(TestPki.CLOCK), CONTEXT));
        assertEquals(Failure.NOT_APPROVED, chain.failure());
        assertEquals("chain: leaf (CN=sha1 root): signature algorithm SHA1withRSA is not approved in FIPS mode;"
                + " re-issue the certificate with SHA-256 or stronger", chain.getMessage());
    }

    @Test
    void readsPkcs12WithAnApprovedScheme() {
        KeyPair key = TestPki.key("EC-P256");
        String password = "a password of more than fourteen bytes";
        byte[] pem = (dev.lanyard.common.x509.Certificates.toPem(TestPki.selfSigned(
                TestPki.leafTemplate("spiffe://example.org/p12", key), key))
                + Pem.encode("PRIVATE KEY", key.getPrivate().getEncoded())).getBytes(StandardCharsets.US_ASCII);
        java.nio.file.Path file;
        try {
            file = java.nio.file.Files.createTempFile("fips", ".pem");
            java.nio.file.Files.write(file, pem);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] p12 = Openssl.run(new byte[0], "pkcs12", "-export", "-in", file.toString(), "-passout", "pass:" + password);
        file.toFile().delete();
        var entry = dev.lanyard.common.x509.Pkcs12.read(p12, "svid.p12", password.toCharArray());
        assertTrue(KeyMatch.matches(entry.key(), key.getPublic()));
        assertEquals(java.util.List.of("spiffe://example.org/p12"),
                dev.lanyard.common.x509.SvidProfile.uriSans(entry.leaf()));
    }

    @Test
    void signingWithSha1IsRefused() {
        KeyPair key = TestPki.key("RSA-2048");
        LanyardException e = assertThrows(LanyardException.class, () -> TestPki.selfSigned(
                TestPki.caTemplate("SHA1", key).signatureAlgorithm("SHA1withRSA"), key));
        assertEquals(Failure.NOT_APPROVED, e.failure());
    }

    @Test
    void readsAnEncryptedKeyWithAnApprovedScheme() {
        KeyPair key = TestPki.key("EC-P256");
        byte[] pem = Pem.encode("PRIVATE KEY", key.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII);
        String password = "a password of more than fourteen bytes";
        byte[] encrypted = Openssl.run(pem, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256",
                "-passout", "pass:" + password);
        assertTrue(KeyMatch.matches(PrivateKeys.parse(encrypted, "svid_key.pem", password.toCharArray()),
                key.getPublic()));
    }

    @Test
    void policyRefusesShortRsaKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
        g.initialize(1024);
        KeyPair weak = g.generateKeyPair();
        LanyardException e = assertThrows(LanyardException.class, () -> CONTEXT.requireApproved(weak.getPublic(), "old.pem"));
        assertEquals(Failure.NOT_APPROVED, e.failure());
        assertEquals("old.pem: RSA 1024-bit key is not approved in FIPS mode; use RSA 2048 bits or more", e.getMessage());
    }

    @Test
    void unavailableAlgorithmIsNotApproved() {
        LanyardException e = assertThrows(LanyardException.class, () -> CONTEXT.signature("MD5withRSA"));
        assertEquals(Failure.NOT_APPROVED, e.failure());
    }
}
