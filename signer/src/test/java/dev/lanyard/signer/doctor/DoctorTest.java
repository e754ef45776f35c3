package dev.lanyard.signer.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.signer.testing.Cli;
import dev.lanyard.signer.testing.Fixture;
import dev.lanyard.signer.testing.ScriptedEndpoint;
import dev.lanyard.signer.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The doctor's decision table: one broken input per row, and the check that must fail with a fix. */
class DoctorTest {
    static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");

    @TempDir
    Path tmp;
    Fixture f;

    @BeforeEach
    void setUp() throws IOException {
        f = new Fixture(tmp, NOW);
    }

    DoctorInputs good() {
        return new DoctorInputs(f.certPem.toString(), f.keyPem.toString(), null, null, f.rootPem.toString(),
                Fixture.TA, Fixture.PROFILE, Fixture.ROLE, null, 3600, null, "http://127.0.0.1:1", false, false,
                CryptoMode.DEFAULT, Map.of(), new ByteArrayInputStream(new byte[0]));
    }

    static DoctorInputs with(DoctorInputs i, String cert, String key, String bundle, String profile, String region) {
        return new DoctorInputs(cert == null ? i.certificate() : cert, key == null ? i.privateKey() : key, i.intermediates(),
                i.password(), bundle == null ? i.trustAnchorBundle() : bundle, i.trustAnchorArn(),
                profile == null ? i.profileArn() : profile, i.roleArn(), region, i.sessionDuration(), i.roleSessionName(),
                i.endpoint(), i.useFipsEndpoint(), i.noVerifySsl(), i.mode(), i.env(), i.stdin());
    }

    Checklist run(DoctorInputs in, Duration serverBehind) {
        return new Doctor(Clock.fixed(NOW, ZoneOffset.UTC), ep -> Optional.of(NOW.minus(serverBehind))).run(in);
    }

    Path leaf(String name, UnaryOperator<TestPki.LeafSpec> change) throws IOException {
        TestPki.Issued l = f.pki.leaf(f.root, change.apply(TestPki.LeafSpec.svid(NOW)));
        l.writeKey(tmp.resolve(name + "-key.pem"));
        return l.writeCertificate(tmp.resolve(name + ".pem"));
    }

    @Test
    void aGoodSetupPassesAndShowsTheTagsAwsWillDerive() {
        Checklist c = run(good(), Duration.ofSeconds(3));
        assertEquals(0, c.exitCode(), c.render());
        String text = c.render();
        assertTrue(text.contains("PASS  key matches certificate"), text);
        assertTrue(text.contains("PASS  chain to trust anchor"), text);
        assertTrue(text.contains("INFO  principal tag              aws:PrincipalTag/x509SAN/URI = spiffe://example.org/svc/example-service"), text);
        assertTrue(text.contains("aws:PrincipalTag/x509Subject/CN = example-service"), text);
        assertTrue(text.contains("aws:PrincipalTag/x509Issuer/CN = Signer Test Root"), text);
        assertTrue(text.contains("INFO  source identity            CN=example-service"), text);
        assertTrue(text.contains("PASS  clock skew                 3 s ahead of the endpoint"), text);
        assertTrue(text.endsWith("failed, 0 warnings\n"), text);
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("key of another certificate", "key matches certificate", 5),
                Arguments.of("expired certificate", "valid now", 6),
                Arguments.of("CA certificate as leaf", "not a CA", 5),
                Arguments.of("no digitalSignature", "keyUsage digitalSignature", 5),
                Arguments.of("empty subject", "non-empty subject", 5),
                Arguments.of("bundle of another CA", "chain to trust anchor", 6),
                Arguments.of("profile in another region", "ARN regions", 3),
                Arguments.of("malformed profile ARN", "profile ARN", 3),
                Arguments.of("--region elsewhere", "signing region", 3),
                Arguments.of("clock 10 minutes off", "clock skew", 6),
                Arguments.of("missing certificate file", "certificate", 4));
    }

    @ParameterizedTest(name = "{0} -> FAIL {1}")
    @MethodSource("broken")
    void eachProblemFailsItsCheckWithAFix(String problem, String check, int exitCode) throws IOException {
        DoctorInputs in = good();
        Duration skew = Duration.ZERO;
        switch (problem) {
            case "key of another certificate" -> in = with(in, null, leaf("other", s -> s).toString().replace("other.pem", "other-key.pem"), null, null, null);
            case "expired certificate" -> {
                Path c = leaf("old", s -> s.withValidity(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(1))));
                in = with(in, c.toString(), tmp.resolve("old-key.pem").toString(), null, null, null);
            }
            case "CA certificate as leaf" -> in = with(in, leaf("ca", s -> s.withCa(true)).toString(), tmp.resolve("ca-key.pem").toString(), null, null, null);
            case "no digitalSignature" -> in = with(in, leaf("ku", s -> s.withDigitalSignature(false)).toString(), tmp.resolve("ku-key.pem").toString(), null, null, null);
            case "empty subject" -> in = with(in, leaf("anon", s -> s.withSubject("")).toString(), tmp.resolve("anon-key.pem").toString(), null, null, null);
            case "bundle of another CA" -> in = with(in, null, null,
                    f.pki.root("CN=Rogue Root").writeCertificate(tmp.resolve("rogue.pem")).toString(), null, null);
            case "profile in another region" -> in = with(in, null, null, null, Fixture.PROFILE.replace("us-east-1", "eu-west-1"), null);
            case "malformed profile ARN" -> in = with(in, null, null, null, "arn:aws:rolesanywhere:us-east-1:1:profile/x", null);
            case "--region elsewhere" -> in = with(in, null, null, null, null, "eu-west-1");
            case "clock 10 minutes off" -> skew = Duration.ofMinutes(10);
            case "missing certificate file" -> in = with(in, tmp.resolve("nope.pem").toString(), null, null, null, null);
            default -> throw new IllegalArgumentException(problem);
        }
        Checklist c = run(in, skew);
        List<Check> failed = c.checks().stream().filter(x -> x.status() == Check.Status.FAIL).toList();
        assertEquals(1, failed.size(), c.render());
        assertEquals(check, failed.get(0).name(), c.render());
        assertTrue(failed.get(0).fix() != null && !failed.get(0).fix().isBlank());
        assertEquals(exitCode, c.exitCode());
        assertTrue(c.render().contains("fix: " + failed.get(0).fix()));
    }

    @Test
    void sourceIdentityWithoutCnIsTheEvenLengthHexSerial() throws IOException {
        Path c = leaf("nocn", s -> s.withSubject("O=SPIRE,C=US"));
        Checklist list = run(with(good(), c.toString(), tmp.resolve("nocn-key.pem").toString(), null, null, null), Duration.ZERO);
        String serialHex = dev.lanyard.common.x509.Certificates.parseOne(java.nio.file.Files.readAllBytes(c), "x")
                .getSerialNumber().toString(16);
        assertTrue(list.render().contains("source identity            ID=" + (serialHex.length() % 2 == 1 ? "0" : "") + serialHex),
                list.render());
        assertTrue(list.render().contains("x509Subject/O = SPIRE"));
    }

    @Test
    void throughTheCliAgainstARealEndpointDateHeader() throws Exception {
        Instant now = Instant.now();
        Fixture live = new Fixture(tmp.resolve("live").toFile().mkdirs() ? tmp.resolve("live") : tmp, now);
        try (ScriptedEndpoint ep = new ScriptedEndpoint().respond(ScriptedEndpoint.error(404, null, "{}"))) {
            Cli.Result r = new Cli(Clock.systemUTC()).run("doctor", "--certificate", live.certPem.toString(),
                    "--private-key", live.keyPem.toString(), "--trust-anchor-bundle", live.rootPem.toString(),
                    "--trust-anchor-arn", Fixture.TA, "--profile-arn", Fixture.PROFILE, "--role-arn", Fixture.ROLE,
                    "--endpoint", ep.url());
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.stdout().contains("PASS  clock skew"), r.stdout());
        }
        Cli.Result down = new Cli(Clock.systemUTC()).run("doctor", "--certificate", live.certPem.toString(),
                "--private-key", live.keyPem.toString(), "--trust-anchor-arn", Fixture.TA, "--profile-arn",
                Fixture.PROFILE.replace("us-east-1", "us-west-2"), "--role-arn", Fixture.ROLE, "--endpoint", "http://127.0.0.1:1");
        assertEquals(3, down.exitCode(), down.toString());
        assertTrue(down.stdout().contains("FAIL  ARN regions"), down.stdout());
        assertTrue(down.stdout().contains("WARN  clock skew                 cannot reach"), down.stdout());
        assertTrue(down.stdout().contains("SKIP  chain to trust anchor"), down.stdout());
    }
}
