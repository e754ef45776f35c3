package dev.lanyard.issuer.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.crypto.PemFiles;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.support.Fixture;
import dev.lanyard.issuer.support.SvidChecks;
import dev.lanyard.issuer.wire.SvidRequest;
import dev.lanyard.issuer.wire.SvidResponse;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.common.x509.SvidProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SVIDs from the service layer, checked field by field and by java-spiffe and openssl. */
class SvidIssuanceTest {
    private static final Caller ALICE = new Caller(Caller.Type.USER, "alice");

    @TempDir
    Path tmp;

    private Fixture fixture(KeyType type) {
        Fixture f = new Fixture(tmp.resolve("data"), type);
        f.role("svc", "/svc/*");
        f.user("alice", "correct horse battery", "svc");
        return f;
    }

    private static SvidRequest request(KeyPair kp, String path, List<String> dns, List<String> ips, Long ttl) {
        return new SvidRequest(path, PemFiles.publicKey(kp.getPublic()), null, dns, ips, ttl);
    }

    @ParameterizedTest(name = "CA {0}")
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048"})
    void issuedSvidFollowsTheProfileAndValidates(KeyType caType) throws Exception {
        try (Fixture f = fixture(caType)) {
            KeyType leafType = caType == KeyType.EC_P256 ? KeyType.EC_P256 : KeyType.RSA_2048;
            KeyPair kp = leafType.generate(new SecureRandom());
            SvidResponse r = f.issuer.svids().issue(ALICE, request(kp, "/svc/example-service",
                    List.of("api.example.com"), List.of("10.1.2.3"), Duration.ofHours(8).toSeconds()));

            X509Certificate leaf = Certificates.parseOne(r.certificate().getBytes(StandardCharsets.UTF_8), "svid");
            assertEquals("spiffe://example.test/svc/example-service", r.spiffeId());
            assertEquals("CN=example-service,O=example.test", leaf.getSubjectX500Principal().getName());
            assertEquals(-1, leaf.getBasicConstraints());
            assertTrue(leaf.getCriticalExtensionOIDs().contains("2.5.29.15"), "keyUsage must be critical");
            boolean[] ku = leaf.getKeyUsage();
            assertTrue(ku[0] && ku[2] && ku[4], "digitalSignature, keyEncipherment, keyAgreement");
            assertFalse(ku[5] || ku[6], "never keyCertSign or cRLSign");
            assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), leaf.getExtendedKeyUsage());
            long uris = leaf.getSubjectAlternativeNames().stream().filter(s -> (Integer) s.get(0) == 6).count();
            assertEquals(1, uris);
            assertTrue(leaf.getSubjectAlternativeNames().stream().anyMatch(s -> s.get(1).equals("api.example.com")));
            assertTrue(leaf.getSubjectAlternativeNames().stream().anyMatch(s -> s.get(1).equals("10.1.2.3")));
            assertTrue(leaf.getSerialNumber().bitLength() <= 128 && leaf.getSerialNumber().bitLength() > 64);
            assertEquals(f.clock.instant().minus(Duration.ofMinutes(1)), leaf.getNotBefore().toInstant());
            assertEquals(f.clock.instant().plus(Duration.ofHours(8)), leaf.getNotAfter().toInstant());
            assertArrayEquals(kp.getPublic().getEncoded(), leaf.getPublicKey().getEncoded());
            assertEquals(List.of(), SvidProfile.leafViolations(leaf));
            assertEquals(List.of(), SvidProfile.signingCertificateViolations(f.issuer.bundle().get(0)));

            Path out = tmp.resolve("out");
            AtomicFiles.write(out.resolve("svid.pem"), r.certificate(), AtomicFiles.PUBLIC);
            AtomicFiles.write(out.resolve("svid_key.pem"), PemFiles.privateKey(kp.getPrivate()), AtomicFiles.PRIVATE);
            AtomicFiles.write(out.resolve("svid_bundle.pem"), r.bundle(), AtomicFiles.PUBLIC);
            SvidChecks.validateFiles(out, "example.test", r.spiffeId());
            SvidChecks.openssl("verify", "-purpose", "sslclient", "-attime",
                    Long.toString(f.clock.instant().getEpochSecond()), "-CAfile", out.resolve("svid_bundle.pem")
                            .toString(), out.resolve("svid.pem").toString());
        }
    }

    @Test
    void spiffeCaFollowsTheSigningCertificateRules() throws Exception {
        try (Fixture f = fixture(KeyType.EC_P256)) {
            X509Certificate ca = f.issuer.bundle().get(0);
            assertEquals("CN=SPIFFE CA,O=example.test", ca.getSubjectX500Principal().getName());
            assertTrue(ca.getBasicConstraints() >= 0);
            boolean[] ku = ca.getKeyUsage();
            assertTrue(ku[5] && ku[6], "keyCertSign and cRLSign");
            assertFalse(ku[0]);
            assertEquals("spiffe://example.test", ca.getSubjectAlternativeNames().iterator().next().get(1));
            Duration life = Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant());
            assertTrue(life.compareTo(Duration.ofHours(6 * 24)) >= 0);
            assertEquals(Certificates.spkiPin(ca), f.issuer.status().caPin());
            assertTrue(f.issuer.status().caPin().matches("sha256:[0-9a-f]{64}"));
            for (Path p : List.of(f.dir.spiffeCaStore(), f.dir.hostCaStore(), f.dir.adminKey())) {
                assertEquals(AtomicFiles.PRIVATE, Files.getPosixFilePermissions(p), p.toString());
            }
            assertFalse(new String(Files.readAllBytes(f.dir.spiffeCaStore()), StandardCharsets.ISO_8859_1)
                    .contains("PRIVATE KEY"));
        }
    }

    @Test
    void defaultTtlIsOneHourAndLongerRequestsAreCappedAndAudited() {
        try (Fixture f = fixture(KeyType.EC_P256)) {
            KeyPair kp = KeyType.EC_P256.generate(new SecureRandom());
            SvidResponse def = f.issuer.svids().issue(ALICE, request(kp, "/svc/a", null, null, null));
            assertEquals(3600, def.ttlSeconds());
            assertFalse(def.capped());
            SvidResponse capped = f.issuer.svids().issue(ALICE, request(kp, "/svc/a", null, null, 30 * 3600L));
            assertTrue(capped.capped());
            assertEquals(24 * 3600, capped.ttlSeconds());
            assertEquals(30 * 3600, capped.requestedTtlSeconds());
            assertTrue(capped.capReason().contains("24h"), capped.capReason());
            List<AuditEvent> issued = f.issuer.store().audit(null, capped.spiffeId(), 100).stream()
                    .filter(e -> e.type().equals(AuditEvent.SVID_ISSUED)).toList();
            assertEquals(2, issued.size());
            assertEquals("30h", issued.get(1).fields().get("ttl_requested"));
            assertEquals("24h", issued.get(1).fields().get("ttl_granted"));
            assertEquals(capped.serial(), issued.get(1).fields().get("serial_number"));
            assertTrue(issued.get(1).fields().containsKey("ttl_capped"));
        }
    }

    @Test
    void refusalsAreAuditedWithTheirReason() {
        try (Fixture f = fixture(KeyType.EC_P256)) {
            KeyPair kp = KeyType.EC_P256.generate(new SecureRandom());
            record Case(String path, Failure failure) { }
            for (Case c : List.of(new Case("/other/x", Failure.DENIED), new Case("/svc/*", Failure.INVALID_INPUT),
                    new Case("/svc/../x", Failure.INVALID_INPUT), new Case("/svc//x", Failure.INVALID_INPUT),
                    new Case("svc/x", Failure.INVALID_INPUT), new Case("spiffe://other.test/svc/x",
                            Failure.INVALID_INPUT), new Case("/" + "a".repeat(3000), Failure.INVALID_INPUT))) {
                LanyardException e = assertThrows(LanyardException.class,
                        () -> f.issuer.svids().issue(ALICE, request(kp, c.path(), null, null, null)), brief(c.path()));
                assertEquals(c.failure(), e.failure(), brief(c.path()) + ": " + brief(e.getMessage()));
                assertTrue(e.getMessage().length() < 300, brief(e.getMessage()));
            }
            LanyardException badKey = assertThrows(LanyardException.class, () -> f.issuer.svids().issue(ALICE,
                    new SvidRequest("/svc/a", "not a key", null, null, null, null)));
            assertEquals(Failure.KEY_OR_CERTIFICATE, badKey.failure());
            List<AuditEvent> denied = f.issuer.store().audit(null, null, 100).stream()
                    .filter(e -> e.type().equals(AuditEvent.SVID_DENIED)).toList();
            assertEquals(8, denied.size());
            assertEquals("spiffe://example.test/other/x", denied.get(0).spiffeId());
            assertTrue(denied.get(0).fields().get("reason").toString().contains("no role allows"));
            assertEquals("user:alice", denied.get(0).caller());
        }
    }

    @Test
    void csrIsAcceptedOnlyWithProofOfPossession() throws Exception {
        try (Fixture f = fixture(KeyType.EC_P256)) {
            KeyPair kp = KeyType.EC_P256.generate(new SecureRandom());
            KeyPair other = KeyType.EC_P256.generate(new SecureRandom());
            String good = csr(kp, kp);
            SvidResponse r = f.issuer.svids().issue(ALICE, new SvidRequest("/svc/a", null, good, null, null, null));
            X509Certificate leaf = Certificates.parseOne(r.certificate().getBytes(StandardCharsets.UTF_8), "svid");
            assertArrayEquals(kp.getPublic().getEncoded(), leaf.getPublicKey().getEncoded());
            assertEquals("CN=a,O=example.test", leaf.getSubjectX500Principal().getName(), "CSR subject is ignored");
            LanyardException e = assertThrows(LanyardException.class, () -> f.issuer.svids().issue(ALICE,
                    new SvidRequest("/svc/a", null, csr(kp, other), null, null, null)));
            assertEquals(Failure.KEY_OR_CERTIFICATE, e.failure());
            assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());
        }
    }

    private static String brief(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }

    private static String csr(KeyPair subject, KeyPair signer) throws Exception {
        var req = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=evil,O=attacker"), subject.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
        return Pem.encode("CERTIFICATE REQUEST", req.getEncoded());
    }
}
