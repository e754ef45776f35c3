package dev.lanyard.signer.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.signer.crypto.CryptoProviders;
import dev.lanyard.signer.session.SigningIdentity;
import dev.lanyard.signer.testing.SvidLinks;
import dev.lanyard.signer.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A renewal that swaps the bot's links between the certificate read and the key read: the pair read
 * does not match, the reader reads again and gets the new pair. EC keys from the JDK carry no public
 * point, so their mismatch shows at the first signature; RSA keys are compared by modulus at load.
 */
class KeyMaterialReaderTest {
    static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    final TestPki pki = new TestPki(NOW);
    final TestPki.Issued root = pki.root("CN=Lanyard Test Root");
    final CryptoProviders providers = new CryptoProviders(CryptoMode.DEFAULT);

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestPki.KeyType.class, names = {"EC", "RSA"})
    void aRenewalBetweenTheTwoReadsIsReadAgain(TestPki.KeyType type) throws Exception {
        TestPki.Issued before = pki.leaf(root, TestPki.LeafSpec.svid(NOW).withKeyType(type));
        TestPki.Issued after = pki.leaf(root, TestPki.LeafSpec.svid(NOW).withKeyType(type));
        SvidLinks links = new SvidLinks(dir);
        links.renew(before);
        var input = new SvidLinks.RenewAfterFirstCertificateRead(links, after);
        KeyMaterialReader reader = new KeyMaterialReader(links.certificate().toString(), links.key().toString(), null,
                input);

        SigningIdentity identity = reader.withMatchingPair(this::loadAndSign);

        assertArrayEquals(after.der(), identity.leaf().getEncoded(), "the renewed certificate");
        assertEquals(2, input.certificateReads(), "read once more after the mismatch");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestPki.KeyType.class, names = {"EC", "RSA"})
    void aPairThatDoesNotMatchOnDiskFailsAfterOneMoreRead(TestPki.KeyType type) throws Exception {
        TestPki.Issued a = pki.leaf(root, TestPki.LeafSpec.svid(NOW).withKeyType(type));
        TestPki.Issued b = pki.leaf(root, TestPki.LeafSpec.svid(NOW).withKeyType(type));
        Path cert = a.writeCertificate(dir.resolve("cert.pem"));
        Path key = b.writeKey(dir.resolve("key.pem"));
        var input = new Counting();
        KeyMaterialReader reader = new KeyMaterialReader(cert.toString(), key.toString(), null, input);

        KeyMismatchException e = assertThrows(KeyMismatchException.class, () -> reader.withMatchingPair(this::loadAndSign));

        assertEquals(Failure.KEY_OR_CERTIFICATE, e.failure());
        assertEquals(5, e.failure().exitCode());
        assertTrue(e.getMessage().startsWith(key + ": the private key does not match the certificate in " + cert),
                e.getMessage());
        assertEquals(4, input.reads, "certificate and key, twice");
    }

    @Test
    void aKeyFromStdinIsNotReadAgain() throws Exception {
        TestPki.Issued a = pki.leaf(root, TestPki.LeafSpec.svid(NOW));
        TestPki.Issued b = pki.leaf(root, TestPki.LeafSpec.svid(NOW));
        Path cert = a.writeCertificate(dir.resolve("cert.pem"));
        var stdin = new ByteArrayInputStream(b.keyPem().getBytes(StandardCharsets.UTF_8));
        KeyMaterialReader reader = new KeyMaterialReader(cert.toString(), "-", null,
                new KeyMaterial.StandardInput(Map.of(), stdin));

        KeyMismatchException e = assertThrows(KeyMismatchException.class, () -> reader.withMatchingPair(this::loadAndSign));

        assertTrue(e.getMessage().startsWith("stdin: the private key does not match"), e.getMessage());
    }

    /** What a cache miss does with the material: load the identity and make the first signature. */
    private SigningIdentity loadAndSign(KeyMaterial m) {
        SigningIdentity identity = IdentityLoader.load(m, (char[]) null, providers, NOW);
        identity.signer().sign("string to sign".getBytes(StandardCharsets.UTF_8));
        return identity;
    }

    private static final class Counting implements KeyMaterial.Input {
        int reads;

        @Override
        public byte[] read(String spec) {
            reads++;
            return new KeyMaterial.StandardInput(Map.of(), java.io.InputStream.nullInputStream()).read(spec);
        }
    }
}
