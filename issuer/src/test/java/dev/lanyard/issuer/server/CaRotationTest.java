package dev.lanyard.issuer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.crypto.PemFiles;
import dev.lanyard.issuer.support.Fixture;
import dev.lanyard.issuer.support.SvidChecks;
import dev.lanyard.issuer.wire.RotateRequest;
import dev.lanyard.issuer.wire.SvidRequest;
import dev.lanyard.issuer.wire.SvidResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPIFFE CA rotation: the bundle never holds more than two CAs and every issued SVID stays valid. */
class CaRotationTest {
    private static final Caller ALICE = new Caller(Caller.Type.USER, "alice");

    @TempDir
    Path tmp;

    private static RotateRequest phase(String p) {
        return new RotateRequest("spiffe", p, false);
    }

    private SvidResponse issue(Fixture f) {
        KeyPair kp = KeyType.EC_P256.generate(new SecureRandom());
        return f.issuer.svids().issue(ALICE, new SvidRequest("/svc/a", PemFiles.publicKey(kp.getPublic()), null,
                null, null, null));
    }

    private static String issuerPin(SvidResponse r, Fixture f) throws Exception {
        var leaf = Certificates.parseOne(r.certificate().getBytes(StandardCharsets.UTF_8), "svid");
        for (var ca : f.issuer.bundle()) {
            try {
                leaf.verify(ca.getPublicKey());
                return Certificates.spkiPin(ca);
            } catch (java.security.GeneralSecurityException e) {
                // try the next CA
            }
        }
        throw new AssertionError("no CA in the bundle signed the SVID");
    }

    @Test
    void fullRotationSurvivesRestartsAndKeepsTheTrustAnchorWithinTwoCertificates() throws Exception {
        try (Fixture f = new Fixture(tmp.resolve("data"), KeyType.EC_P256)) {
            f.role("svc", "/svc/*");
            f.user("alice", "correct horse battery", "svc");
            String oldPin = f.issuer.status().caPin();
            SvidResponse before = issue(f);

            f.issuer.rotate(Fixture.ADMIN, phase("init"));
            f.restart();
            assertEquals("init", f.issuer.status().rotationPhase());
            String nextPin = f.issuer.status().nextCaPin();
            assertEquals(2, f.issuer.bundle().size());
            assertEquals(oldPin, issuerPin(issue(f), f), "init keeps signing with the current CA");
            assertTrue(Files.exists(f.dir.spiffeCaNextStore()));

            f.issuer.rotate(Fixture.ADMIN, phase("update"));
            f.restart();
            SvidResponse during = issue(f);
            assertEquals(nextPin, issuerPin(during, f), "update signs with the next CA");
            assertEquals(2, Certificates.parseAll(during.bundle().getBytes(StandardCharsets.UTF_8), "b").size());
            Path out = tmp.resolve("during");
            Files.createDirectories(out);
            Files.writeString(out.resolve("svid.pem"), during.certificate());
            Files.writeString(out.resolve("svid_bundle.pem"), during.bundle());
            SvidChecks.openssl("verify", "-CAfile", out.resolve("svid_bundle.pem").toString(),
                    out.resolve("svid.pem").toString());
            assertEquals(oldPin, issuerPin(before, f), "an SVID of the old CA still validates");

            LanyardException early = assertThrows(LanyardException.class,
                    () -> f.issuer.rotate(Fixture.ADMIN, phase("standby")));
            assertEquals(Failure.CONFLICT, early.failure());
            assertTrue(early.getMessage().contains("may be valid until"), early.getMessage());
            f.clock.advance(Duration.ofHours(24));
            f.issuer.rotate(Fixture.ADMIN, phase("standby"));
            f.restart();
            assertEquals("standby", f.issuer.status().rotationPhase());
            assertEquals(nextPin, f.issuer.status().caPin());
            assertNull(f.issuer.status().nextCaPin());
            assertEquals(1, f.issuer.bundle().size());
            assertFalse(Files.exists(f.dir.spiffeCaNextStore()));
            assertEquals(nextPin, issuerPin(issue(f), f));
            assertTrue(f.issuer.store().audit(null, null, 1000).stream().anyMatch(e -> e.type().equals("ca.rotated")));
        }
    }

    @Test
    void rollbackDropsTheNextCaAndPhasesMustComeInOrder() {
        try (Fixture f = new Fixture(tmp.resolve("data"), KeyType.EC_P256)) {
            String pin = f.issuer.status().caPin();
            assertEquals(Failure.CONFLICT, assertThrows(LanyardException.class,
                    () -> f.issuer.rotate(Fixture.ADMIN, phase("update"))).failure());
            assertEquals(Failure.CONFLICT, assertThrows(LanyardException.class,
                    () -> f.issuer.rotate(Fixture.ADMIN, phase("rollback"))).failure());
            assertEquals(Failure.USAGE, assertThrows(LanyardException.class,
                    () -> f.issuer.rotate(Fixture.ADMIN, phase("sideways"))).failure());
            f.issuer.rotate(Fixture.ADMIN, phase("init"));
            assertEquals(Failure.CONFLICT, assertThrows(LanyardException.class,
                    () -> f.issuer.rotate(Fixture.ADMIN, phase("init"))).failure());
            assertNotEquals(pin, f.issuer.status().nextCaPin());
            f.issuer.rotate(Fixture.ADMIN, phase("rollback"));
            assertEquals("standby", f.issuer.status().rotationPhase());
            assertEquals(pin, f.issuer.status().caPin());
            assertEquals(1, f.issuer.bundle().size());
            f.user("bob", "correct horse battery");
            assertEquals(Failure.DENIED, assertThrows(LanyardException.class,
                    () -> f.issuer.rotate(new Caller(Caller.Type.USER, "bob"), phase("init"))).failure());
        }
    }
}
