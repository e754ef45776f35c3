package dev.lanyard.signer.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.testing.Cli;
import dev.lanyard.signer.testing.Fixture;
import dev.lanyard.signer.testing.ScriptedEndpoint;
import dev.lanyard.signer.testing.TestPki;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** credential-process through picocli in-process: exit codes, stdout and stderr for good and bad input. */
class CredentialProcessCliTest {
    static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
    static final String EXPIRES = "2026-11-25T05:00:00Z";

    @TempDir
    Path tmp;
    Fixture f;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(tmp, NOW);
        cli = new Cli(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void assertFailure(Cli.Result r, int exitCode, String... fragments) {
        assertAll(r.toString(),
                () -> assertEquals(exitCode, r.exitCode(), "exit code"),
                () -> assertEquals("", r.stdout(), "stdout stays empty on error"),
                () -> assertEquals(1, r.stderr().strip().lines().count(), "one line on stderr"),
                () -> assertFalse(r.stderr().contains("\tat "), "no stack trace without --debug"),
                () -> {
                    for (String fragment : fragments) {
                        assertTrue(r.stderr().contains(fragment), "stderr mentions " + fragment);
                    }
                });
    }

    @Test
    void printsCredentialsInTheCredentialProcessFormat() throws Exception {
        try (ScriptedEndpoint ep = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIAEXAMPLE1", EXPIRES))) {
            Cli.Result r = cli.run(f.credentialProcess(ep.url()));
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("{\"Version\":1,\"AccessKeyId\":\"ASIAEXAMPLE1\",\"SecretAccessKey\":\"secret-ASIAEXAMPLE1\","
                    + "\"SessionToken\":\"token-ASIAEXAMPLE1\",\"Expiration\":\"" + EXPIRES + "\"}", r.stdout());
            assertEquals("", r.stderr());
            ScriptedEndpoint.Received req = ep.received().get(0);
            assertEquals("POST", req.method());
            assertTrue(req.pathAndQuery().startsWith("/sessions?profileArn=arn%3Aaws%3Arolesanywhere%3Aus-east-1"), req.pathAndQuery());
            assertEquals("{\"durationSeconds\":3600}", req.body());
            assertTrue(req.header("Authorization").startsWith("AWS4-X509-ECDSA-SHA256 Credential="
                    + f.leaf.certificate().getSerialNumber() + "/20261125/us-east-1/rolesanywhere/aws4_request, "
                    + "SignedHeaders=content-type;host;x-amz-date;x-amz-x509, Signature="), req.header("Authorization"));
            assertEquals("20261125T040000Z", req.header("X-Amz-Date"));
        }
    }

    @Test
    void missingFlagIsAUsageError() {
        assertFailure(cli.run("credential-process", "--certificate", f.certPem.toString()), 2,
                "missing required flags: --private-key FILE, --trust-anchor-arn ARN, --profile-arn ARN, --role-arn ARN");
    }

    @Test
    void unknownFlagIsAUsageError() {
        assertFailure(cli.run("credential-process", "--certifcate", "x"), 2, "--certifcate");
    }

    @Test
    void unreadableFileIsAFileError() {
        assertFailure(cli.run(f.credentialProcess("http://127.0.0.1:1", "--certificate", tmp.resolve("missing.pem").toString())),
                4, "missing.pem", "no such file");
    }

    @Test
    void wrongPasswordIsAKeyError() throws Exception {
        Path encrypted = tmp.resolve("encrypted.pem");
        Files.writeString(encrypted, EncryptedKeys.pem(f.leaf.keys().getPrivate(), "right".toCharArray()));
        assertFailure(cli.run(f.credentialProcess("http://127.0.0.1:1", "--private-key", encrypted.toString(),
                "--pkcs8-password", "wrong")), 5, "wrong --pkcs8-password");
    }

    @Test
    void encryptedKeyWithTheRightPasswordWorks() throws Exception {
        Path encrypted = tmp.resolve("encrypted.pem");
        Files.writeString(encrypted, EncryptedKeys.pem(f.leaf.keys().getPrivate(), "right".toCharArray()));
        try (ScriptedEndpoint ep = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIAENC", EXPIRES))) {
            Cli.Result r = cli.run(f.credentialProcess(ep.url(), "--private-key", encrypted.toString(), "--pkcs8-password", "right"));
            assertEquals(0, r.exitCode(), r.toString());
        }
    }

    @Test
    void keyNotMatchingTheCertificateIsRefusedBeforeAnyRequest() throws Exception {
        Path other = f.pki.leaf(f.root, TestPki.LeafSpec.svid(NOW)).writeKey(tmp.resolve("other-key.pem"));
        try (ScriptedEndpoint ep = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIAX", EXPIRES))) {
            assertFailure(cli.run(f.credentialProcess(ep.url(), "--private-key", other.toString())), 5,
                    "does not match the certificate");
            assertEquals(0, ep.received().size(), "nothing was sent");
        }
    }

    @Test
    void keyOfAnotherTypeIsRefused() throws Exception {
        Path rsa = f.pki.leaf(f.root, TestPki.LeafSpec.svid(NOW).withKeyType(TestPki.KeyType.RSA)).writeKey(tmp.resolve("rsa.pem"));
        assertFailure(cli.run(f.credentialProcess("http://127.0.0.1:1", "--private-key", rsa.toString())), 5,
                "does not match", "RSA key");
    }

    @Test
    void expiredCertificateIsRefused() throws Exception {
        TestPki.Issued old = f.pki.leaf(f.root, TestPki.LeafSpec.svid(NOW)
                .withValidity(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1))));
        old.writeCertificate(tmp.resolve("old.pem"));
        old.writeKey(tmp.resolve("old-key.pem"));
        assertFailure(cli.run(f.credentialProcess("http://127.0.0.1:1", "--certificate", tmp.resolve("old.pem").toString(),
                "--private-key", tmp.resolve("old-key.pem").toString())), 6, "expired at", "renew");
    }

    @Test
    void malformedArnIsInvalidInput() {
        assertFailure(cli.run(f.credentialProcess("http://127.0.0.1:1", "--profile-arn", "arn:aws:rolesanywhere:us-east-1:123:profile/x")),
                3, "malformed ARN");
        assertFailure(cli.run(f.credentialProcess("http://127.0.0.1:1", "--role-arn", Fixture.PROFILE)), 3, "role ARN");
    }

    @Test
    void regionMismatchBetweenArnsIsRefusedLikeTheHelper() {
        assertFailure(cli.run(f.credentialProcess("http://127.0.0.1:1", "--profile-arn",
                Fixture.PROFILE.replace("us-east-1", "eu-west-1"))), 3, "regions don't match");
    }

    @Test
    void sessionDurationOutOfRangeIsRefused() {
        assertFailure(cli.run(f.credentialProcess("http://127.0.0.1:1", "--session-duration", "60")), 3, "900 to 43200");
        assertFailure(cli.run(f.credentialProcess("http://127.0.0.1:1", "--session-duration", "an hour")), 2, "--session-duration");
    }

    @Test
    void endpointDownIsUnavailableAfterThreeAttempts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertFailure(cli.run(f.credentialProcess("http://127.0.0.1:" + port)), 10, "cannot reach", "127.0.0.1:" + port);
        assertEquals(2, cli.sleeps.size(), "two backoffs between three attempts");
    }

    @Test
    void endpointRefusingGivesTheCodeTheMessageAndTheEmulatorsExplanation() throws Exception {
        try (ScriptedEndpoint ep = new ScriptedEndpoint().respond(ScriptedEndpoint.error(403, "AccessDeniedException",
                "{\"message\":\"Untrusted Signing Certificate — chain: no certificate in trust anchor issued \\\"CN=Other\\\"\"}"))) {
            assertFailure(cli.run(f.credentialProcess(ep.url())), 7, "AccessDeniedException: Untrusted Signing Certificate",
                    "no certificate in trust anchor issued", "lanyard-signer doctor");
            assertEquals(1, ep.received().size(), "a refusal is not retried");
        }
    }

    @Test
    void notFoundAndValidationErrorsMapToTheirExitCodes() throws Exception {
        try (ScriptedEndpoint ep = new ScriptedEndpoint().respond(ScriptedEndpoint.error(404,
                "ResourceNotFoundException:http://internal.amazon.com/", "{\"message\":\"Trust anchor not found\"}"))) {
            assertFailure(cli.run(f.credentialProcess(ep.url(), "--no-cache")), 8, "ResourceNotFoundException: Trust anchor not found");
        }
        try (ScriptedEndpoint ep = new ScriptedEndpoint().respond(ScriptedEndpoint.error(400, null,
                "{\"__type\":\"com.amazon#ValidationException\",\"message\":\"durationSeconds too long\",\"explanation\":\"profile allows 3600\"}"))) {
            assertFailure(cli.run(f.credentialProcess(ep.url(), "--no-cache")), 11,
                    "ValidationException: durationSeconds too long — profile allows 3600");
        }
    }

    @Test
    void serverErrorsAndThrottlingAreRetriedAndEachAttemptIsSignedAgain() throws Exception {
        Clock ticking = Clock.offset(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
        cli.clock(new TickingClock(NOW, Duration.ofSeconds(1)));
        try (ScriptedEndpoint ep = new ScriptedEndpoint().respond(
                ScriptedEndpoint.error(503, "InternalServerException", "{\"message\":\"busy\"}"),
                ScriptedEndpoint.error(429, "ThrottlingException", "{\"message\":\"Rate exceeded\"}"),
                ScriptedEndpoint.created("ASIARETRY", EXPIRES))) {
            Cli.Result r = cli.run(f.credentialProcess(ep.url()));
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.stdout().contains("ASIARETRY"));
            assertEquals(3, ep.received().size());
            assertEquals(3, ep.received().stream().map(q -> q.header("X-Amz-Date")).distinct().count(),
                    "every attempt has its own X-Amz-Date");
            assertEquals(2, cli.sleeps.size());
            assertTrue(ticking.instant().equals(NOW));
        }
    }

    @Test
    void throttlingThreeTimesIsUnavailable() throws Exception {
        try (ScriptedEndpoint ep = new ScriptedEndpoint().respond(
                ScriptedEndpoint.error(429, "ThrottlingException", "{\"message\":\"Rate exceeded\"}"))) {
            assertFailure(cli.run(f.credentialProcess(ep.url())), 10, "ThrottlingException: Rate exceeded", "10 requests per second");
            assertEquals(3, ep.received().size());
        }
    }

    @Test
    void debugShowsTheSigningStepsButNoSecret() throws Exception {
        try (ScriptedEndpoint ep = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIADEBUG", EXPIRES))) {
            Cli.Result r = cli.run(f.credentialProcess(ep.url(), "--debug"));
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.stderr().contains("debug: canonical request:\ndebug: POST\ndebug: /sessions\n"), r.stderr());
            assertTrue(r.stderr().contains("debug: AWS4-X509-ECDSA-SHA256\ndebug: 20261125T040000Z"), r.stderr());
            assertFalse(r.stderr().contains("secret-ASIADEBUG"), "secret never printed");
            assertFalse(r.stderr().contains("token-ASIADEBUG"), "token never printed");
            assertFalse(r.stderr().contains("PRIVATE KEY"), "key never printed");
        }
    }

    @Test
    void debugAddsTheStackTraceToAFailure() {
        Cli.Result r = cli.run(f.credentialProcess("http://127.0.0.1:1", "--certificate", "/nonexistent.pem", "--debug"));
        assertEquals(4, r.exitCode());
        assertTrue(r.stderr().startsWith("/nonexistent.pem: no such file\n"), r.stderr());
        assertTrue(r.stderr().contains("\tat "), "stack trace with --debug");
    }

    @Test
    void keyFromEnvironmentAndCertificateFromStdin() throws Exception {
        cli.env("SVID_KEY", f.leaf.keyPem()).stdin(f.leaf.certificatePem());
        try (ScriptedEndpoint ep = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIASTDIN", EXPIRES))) {
            Cli.Result r = cli.run(f.credentialProcess(ep.url(), "--certificate", "-", "--private-key", "env:SVID_KEY"));
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.stdout().contains("ASIASTDIN"));
        }
        assertFailure(cli.run(f.credentialProcess("http://127.0.0.1:1", "--private-key", "env:NOT_SET")), 4, "NOT_SET is not set");
    }

    @Test
    void intermediatesAreSentAsTheChainHeaderAndSigned() throws Exception {
        TestPki.Issued inter = f.pki.intermediate(f.root, "CN=Signer Test Intermediate");
        TestPki.Issued leaf = f.pki.leaf(inter, TestPki.LeafSpec.svid(NOW).withKeyType(TestPki.KeyType.RSA));
        leaf.writeCertificate(tmp.resolve("l.pem"));
        leaf.writeKey(tmp.resolve("l-key.pem"));
        inter.writeCertificate(tmp.resolve("inter.pem"));
        try (ScriptedEndpoint ep = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIACHAIN", EXPIRES))) {
            Cli.Result r = cli.run(f.credentialProcess(ep.url(), "--certificate", tmp.resolve("l.pem").toString(),
                    "--private-key", tmp.resolve("l-key.pem").toString(), "--intermediates", tmp.resolve("inter.pem").toString(),
                    "--role-session-name", "my-session"));
            assertEquals(0, r.exitCode(), r.toString());
            ScriptedEndpoint.Received req = ep.received().get(0);
            assertEquals(java.util.Base64.getEncoder().encodeToString(inter.der()), req.header("X-Amz-X509-Chain"));
            assertTrue(req.header("Authorization").startsWith("AWS4-X509-RSA-SHA256 "));
            assertTrue(req.header("Authorization").contains("SignedHeaders=content-type;host;x-amz-date;x-amz-x509;x-amz-x509-chain,"));
            assertEquals("{\"durationSeconds\":3600,\"roleSessionName\":\"my-session\"}", req.body());
        }
    }

    @Test
    void unsupportedKeySourcesSayWhatToUse() {
        assertFailure(cli.run(f.credentialProcess("http://127.0.0.1:1", "--private-key", "pkcs11:token=x")), 2, "not supported");
        assertFailure(cli.run(f.credentialProcess("http://127.0.0.1:1", "--cert-selector", "Key=x509Subject,Value=CN=x")), 2, "not supported");
        assertFailure(cli.run("credential-process", "--cert-selector", "Key=x509Subject,Value=CN=x"), 2, "not supported");
    }
}
