package dev.lanyard.issuer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.x509.CertificateSigner;
import dev.lanyard.common.x509.CertificateTemplate;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.KeyMatch;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.common.x509.PrivateKeys;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SvidDirectoryTest {
    static final int RENEWALS = 150;

    @TempDir
    Path tmp;

    record Pair(String cert, String key) {
    }

    static List<Pair> pairs(int n) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        List<Pair> out = new ArrayList<>();
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            KeyPair kp = g.generateKeyPair();
            X509Certificate c = CertificateSigner.selfSign(CertificateTemplate.leaf("CN=svid-" + i, kp.getPublic(),
                    BigInteger.valueOf(i + 1), now, now.plusSeconds(3600)).uri("spiffe://example.org/svc/x").build(),
                    kp.getPrivate());
            out.add(new Pair(Certificates.toPem(c), Pem.encode("PRIVATE KEY", kp.getPrivate().getEncoded())));
        }
        return out;
    }

    static boolean matches(String certPem, String keyPem) {
        X509Certificate c = Certificates.parseOne(certPem.getBytes(StandardCharsets.US_ASCII), "cert");
        return KeyMatch.matches(PrivateKeys.parse(keyPem.getBytes(StandardCharsets.US_ASCII), "key"), c.getPublicKey());
    }

    @Test
    void writesTheThreeFilesWithTheirModes() throws Exception {
        Pair p = pairs(1).get(0);
        SvidDirectory d = new SvidDirectory(tmp.resolve("out"));
        d.write(p.cert(), p.key(), "BUNDLE");
        Path out = tmp.resolve("out");
        assertEquals(p.cert(), Files.readString(out.resolve("svid.pem")));
        assertEquals(p.key(), Files.readString(out.resolve("svid_key.pem")));
        assertEquals("BUNDLE", Files.readString(out.resolve("svid_bundle.pem")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("svid_key.pem"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("svid.pem"))));
    }

    @Test
    void replacesRegularFilesAndKeepsOnlyRecentVersions() throws Exception {
        List<Pair> ps = pairs(6);
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("svid.pem"), "old regular file");
        SvidDirectory d = new SvidDirectory(out);
        for (Pair p : ps) {
            d.write(p.cert(), p.key(), "B");
        }
        assertEquals(ps.get(5).cert(), Files.readString(out.resolve("svid.pem")));
        try (var s = Files.list(out.resolve(SvidDirectory.STATE))) {
            assertEquals(SvidDirectory.KEEP_PREVIOUS + 2, s.count(), "current link + current + 2 previous versions");
        }
    }

    /**
     * A reader in a tight loop during many renewals. Reading through the resolved current version
     * must always give a matching pair; reading the plain names cert, key, cert again must match
     * whenever both certificate reads agree (they can only differ if a swap happened in between).
     */
    @Test
    void aConcurrentReaderNeverSeesAMismatch() throws Exception {
        List<Pair> ps = pairs(RENEWALS);
        Path out = tmp.resolve("out");
        SvidDirectory d = new SvidDirectory(out);
        d.write(ps.get(0).cert(), ps.get(0).key(), "B");
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger checked = new AtomicInteger();
        AtomicReference<String> mismatch = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get() && mismatch.get() == null) {
                try {
                    Path version = out.resolve("svid.pem").toRealPath().getParent();
                    String cert = Files.readString(version.resolve("svid.pem"));
                    String key = Files.readString(version.resolve("svid_key.pem"));
                    if (!matches(cert, key)) {
                        mismatch.set("snapshot read of " + version);
                    }
                    String c1 = Files.readString(out.resolve("svid.pem"));
                    String k = Files.readString(out.resolve("svid_key.pem"));
                    String c2 = Files.readString(out.resolve("svid.pem"));
                    if (c1.equals(c2) && !matches(c1, k)) {
                        mismatch.set("plain read");
                    }
                    checked.incrementAndGet();
                } catch (NoSuchFileException e) {
                    // the version this reader resolved was pruned meanwhile: read again
                } catch (IOException e) {
                    mismatch.set("I/O: " + e);
                }
            }
        });
        reader.start();
        for (int i = 1; i < ps.size(); i++) {
            d.write(ps.get(i).cert(), ps.get(i).key(), "B");
        }
        done.set(true);
        reader.join();
        assertEquals(null, mismatch.get());
        assertTrue(checked.get() > 0, "the reader ran");
        assertTrue(matches(Files.readString(out.resolve("svid.pem")), Files.readString(out.resolve("svid_key.pem"))));
        assertFalse(Files.exists(out.resolve(SvidDirectory.STATE).resolve("v000001")), "old versions are pruned");
    }
}
