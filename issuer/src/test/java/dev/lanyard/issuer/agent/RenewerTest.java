package dev.lanyard.issuer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.CertificateSigner;
import dev.lanyard.common.x509.CertificateTemplate;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.issuer.support.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renewal rounds on a hand-moved clock, with an issuer stand-in that can be switched off. */
class RenewerTest {
    static final Instant START = Instant.parse("2030-01-01T12:00:00Z");

    @TempDir
    Path tmp;
    MutableClock clock = new MutableClock(START);
    AtomicBoolean issuerUp = new AtomicBoolean(true);
    AtomicInteger serials = new AtomicInteger();
    StringWriter log = new StringWriter();
    volatile String bundle = "BUNDLE";
    Renewer renewer;

    @BeforeEach
    void setUp() {
        IdentitySource identity = config -> {
            if (!issuerUp.get()) {
                throw new LanyardException(Failure.UNAVAILABLE, "issuer unreachable: connection refused");
            }
            return null;
        };
        SvidSource svids = (id, output, ttl) -> svid(ttl);
        renewer = new Renewer(identity, svids, clock, () -> 0, RenewalSchedule.DEFAULT, new PrintWriter(log, true));
    }

    @Test
    void renewsAtTheIntervalAndBacksOffWhileTheIssuerIsDown() throws Exception {
        Path out = tmp.resolve("out");
        renewer.configure(config(out));
        assertEquals(START.plus(Duration.ofMinutes(20)), renewer.runDue());
        assertTrue(log.toString().contains("INFO renewed output=" + out + " spiffe_id=spiffe://example.org/svc/app "
                + "serial=1 expires=2030-01-01T13:00:00Z"), log.toString());

        clock.advance(Duration.ofMinutes(10));
        assertEquals(START.plus(Duration.ofMinutes(20)), renewer.runDue(), "nothing due yet");
        assertEquals(1, serials.get());

        issuerUp.set(false);
        clock.advance(Duration.ofMinutes(10));
        String before = Files.readString(out.resolve("svid.pem"));
        Instant t = clock.instant();
        assertEquals(t.plusSeconds(1), renewer.runDue());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(t.plusSeconds(3), renewer.runDue());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(t.plusSeconds(7), renewer.runDue());
        assertEquals(before, Files.readString(out.resolve("svid.pem")), "the last valid SVID stays in place");
        assertEquals(3, renewer.snapshot().get(0).failures());
        assertTrue(log.toString().contains("WARN renewal failed output=" + out + ": issuer unreachable: connection "
                + "refused (failure 2 in a row; next attempt in 2s at " + t.plusSeconds(3) + "; keeping the current "
                + "SVID, valid until 2030-01-01T13:00:00Z)"), log.toString());
        assertTrue(Metrics.readiness(renewer.snapshot(), clock.instant()).equals("ok\noutput " + out + ": SVID valid "
                + "until 2030-01-01T13:00:00Z, 3 failed renewals in a row, next attempt in 4s\n"),
                Metrics.readiness(renewer.snapshot(), clock.instant()));
        assertTrue(Metrics.ready(renewer.snapshot(), clock.instant()));

        issuerUp.set(true);
        clock.advance(Duration.ofSeconds(4));
        Instant recovered = clock.instant();
        assertEquals(recovered.plus(Duration.ofMinutes(20)), renewer.runDue());
        assertNull(renewer.lastFailure());
        assertEquals(0, renewer.snapshot().get(0).failuresInARow());
    }

    @Test
    void outageLongerThanTheSvidMakesTheBotUnready() {
        renewer.configure(config(tmp.resolve("out")));
        renewer.runDue();
        issuerUp.set(false);
        clock.advance(Duration.ofMinutes(61));
        renewer.runDue();
        assertFalse(Metrics.ready(renewer.snapshot(), clock.instant()));
        assertTrue(log.toString().contains("no valid SVID in place"), log.toString());
        assertTrue(Metrics.render(renewer.snapshot(), clock.instant())
                .contains("lanyard_bot_svid_expiry_seconds{output=\"" + tmp.resolve("out") + "\"} -60"));
    }

    @Test
    void renewNowAndAReloadedOutputPath() {
        renewer.configure(config(tmp.resolve("a")));
        renewer.runDue();
        clock.advance(Duration.ofMinutes(1));
        renewer.renewAllNow();
        assertEquals(clock.instant().plus(Duration.ofMinutes(20)), renewer.runDue());
        assertEquals(2, serials.get());
        renewer.configure(config(tmp.resolve("b")));
        renewer.runDue();
        assertEquals(3, serials.get());
        assertTrue(Files.exists(tmp.resolve("b/svid.pem")));
        assertEquals(List.of(tmp.resolve("b")), renewer.snapshot().stream().map(s -> s.output().directory()).toList());
    }

    @Test
    void theBundleFollowsTheIssuersCaSet() throws Exception {
        Path out = tmp.resolve("out");
        renewer.configure(config(out));
        renewer.runDue();
        assertEquals("BUNDLE", Files.readString(out.resolve("svid_bundle.pem")));
        bundle = "CURRENT CA + NEXT CA";
        clock.advance(Duration.ofMinutes(20));
        renewer.runDue();
        assertEquals("CURRENT CA + NEXT CA", Files.readString(out.resolve("svid_bundle.pem")));
    }

    private BotConfig config(Path out) {
        return new BotConfig("127.0.0.1:1", JoinMethod.TOKEN, "t", List.of("sha256:" + "00".repeat(32)), null,
                tmp.resolve("storage"), Duration.ofHours(1), Duration.ofMinutes(20), false, null,
                List.of(new OutputConfig(out, "/svc/app", List.of(), List.of(), List.of(), null, null)));
    }

    private SvidFetcher.Svid svid(Duration ttl) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            int serial = serials.incrementAndGet();
            Instant now = clock.instant();
            X509Certificate c = CertificateSigner.selfSign(CertificateTemplate.leaf("CN=app", kp.getPublic(),
                    BigInteger.valueOf(serial), now.minus(Duration.ofMinutes(1)), now.plus(ttl))
                    .uri("spiffe://example.org/svc/app").build(), kp.getPrivate());
            return new SvidFetcher.Svid("spiffe://example.org/svc/app", Integer.toString(serial), c,
                    Certificates.toPem(c), Pem.encode("PRIVATE KEY", kp.getPrivate().getEncoded()), bundle, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
