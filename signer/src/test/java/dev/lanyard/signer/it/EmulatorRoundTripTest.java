package dev.lanyard.signer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.testing.Cli;
import dev.lanyard.signer.testing.Emulator;
import dev.lanyard.signer.testing.Fixture;
import dev.lanyard.signer.testing.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trips against the REAL emulator (a subprocess): RSA and EC leaves, with and without an
 * intermediate, in-process and as a separate process, refusals with the emulator's explanation, and
 * the real AWS CLI (/usr/bin/aws) running the signer as its credential_process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmulatorRoundTripTest {
    static final String URI = "spiffe://example.org/svc/example-service";

    @TempDir
    static Path tmp;
    Emulator emulator;
    TestPki pki;
    TestPki.Issued root;
    TestPki.Issued intermediate;

    @BeforeAll
    void startEmulator() throws Exception {
        pki = new TestPki(Instant.now());
        root = pki.root("CN=Round Trip Root,O=Lanyard Test");
        intermediate = pki.intermediate(root, "CN=Round Trip Intermediate,O=Lanyard Test");
        Path seedDir = Files.createDirectories(tmp.resolve("seed"));
        root.writeCertificate(seedDir.resolve("ca.pem"));
        Files.writeString(seedDir.resolve("trust.json"), """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"Service":"rolesanywhere.amazonaws.com"},
                 "Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],
                 "Condition":{"StringEquals":{"aws:PrincipalTag/x509SAN/URI":"%s"},
                              "ArnEquals":{"aws:SourceArn":"%s"}}}]}""".formatted(URI, Fixture.TA));
        Files.writeString(seedDir.resolve("seed.yaml"), """
                account: "123456789012"
                region: us-east-1
                trustAnchors:
                  - id: 11111111-2222-3333-4444-555555555555
                    name: round-trip
                    certificateBundle: ca.pem
                roles:
                  - name: example-service
                    trustPolicy: trust.json
                    maxSessionDuration: 3600
                profiles:
                  - id: 66666666-7777-8888-9999-000000000000
                    name: round-trip
                    roleArns: ["arn:aws:iam::123456789012:role/example-service"]
                    durationSeconds: 3600
                    acceptRoleSessionName: true
                """);
        emulator = Emulator.start(tmp.resolve("data"), seedDir.resolve("seed.yaml"));
    }

    @AfterAll
    void stopEmulator() throws InterruptedException {
        if (emulator != null) {
            emulator.close();
        }
    }

    /** Writes a leaf (and its chain) and returns credential-process arguments for it. */
    List<String> leafArgs(String name, TestPki.KeyType type, boolean viaIntermediate, String... extra) throws IOException {
        TestPki.Issued issuer = viaIntermediate ? intermediate : root;
        TestPki.Issued leaf = pki.leaf(issuer, TestPki.LeafSpec.svid(Instant.now()).withKeyType(type)
                .withSubject("CN=" + name + ",O=Lanyard Test"));
        Path dir = Files.createDirectories(tmp.resolve(name));
        List<String> args = new ArrayList<>(List.of("credential-process",
                "--certificate", leaf.writeCertificate(dir.resolve("svid.pem")).toString(),
                "--private-key", leaf.writeKey(dir.resolve("svid_key.pem")).toString(),
                "--trust-anchor-arn", Fixture.TA, "--profile-arn", Fixture.PROFILE, "--role-arn", Fixture.ROLE,
                "--endpoint", emulator.endpoint(), "--cache-dir", dir.resolve("cache").toString()));
        if (viaIntermediate) {
            args.addAll(List.of("--intermediates", intermediate.writeCertificate(dir.resolve("chain.pem")).toString()));
        }
        args.addAll(List.of(extra));
        return args;
    }

    static Stream<Arguments> keys() {
        return Stream.of(Arguments.of("ec-leaf", TestPki.KeyType.EC, false), Arguments.of("rsa-leaf", TestPki.KeyType.RSA, false),
                Arguments.of("ec-via-intermediate", TestPki.KeyType.EC, true),
                Arguments.of("rsa-via-intermediate", TestPki.KeyType.RSA, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void credentialProcessGetsCredentialsFromTheEmulator(String name, TestPki.KeyType type, boolean chain) throws IOException {
        Cli.Result r = new Cli(Clock.systemUTC()).run(leafArgs(name, type, chain).toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().matches("\\{\"Version\":1,\"AccessKeyId\":\"ASIA[A-Z0-9]+\",\"SecretAccessKey\":\"[^\"]+\","
                + "\"SessionToken\":\"[^\"]+\",\"Expiration\":\"[0-9T:-]+Z\"}"), r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void aSessionNameTheProfileAcceptsIsUsed() throws IOException {
        Cli.Result r = new Cli(Clock.systemUTC()).run(leafArgs("named", TestPki.KeyType.EC, false,
                "--role-session-name", "my-session").toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedWithTheEmulatorsExplanation() throws IOException {
        TestPki.Issued rogueRoot = pki.root("CN=Rogue Root,O=Elsewhere");
        TestPki.Issued leaf = pki.leaf(rogueRoot, TestPki.LeafSpec.svid(Instant.now()));
        Path dir = Files.createDirectories(tmp.resolve("rogue"));
        Cli.Result r = new Cli(Clock.systemUTC()).run("credential-process",
                "--certificate", leaf.writeCertificate(dir.resolve("svid.pem")).toString(),
                "--private-key", leaf.writeKey(dir.resolve("key.pem")).toString(),
                "--trust-anchor-arn", Fixture.TA, "--profile-arn", Fixture.PROFILE, "--role-arn", Fixture.ROLE,
                "--endpoint", emulator.endpoint(), "--no-cache");
        assertEquals(7, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("AccessDeniedException: Untrusted Signing Certificate — "), r.stderr());
        assertTrue(r.stderr().contains("Rogue Root"), "the explanation names the unknown issuer: " + r.stderr());
        assertEquals(1, r.stderr().strip().lines().count());
    }

    @Test
    void aRoleOutsideTheProfileIsRefused() throws IOException {
        List<String> args = leafArgs("other-role", TestPki.KeyType.EC, false, "--role-arn",
                "arn:aws:iam::123456789012:role/not-in-profile", "--no-cache");
        Cli.Result r = new Cli(Clock.systemUTC()).run(args.toArray(String[]::new));
        assertEquals(7, r.exitCode(), r.toString());
        assertTrue(r.stderr().startsWith("CreateSession refused (HTTP 403): AccessDeniedException"), r.stderr());
    }

    @Test
    void anUnknownProfileIsNotFound() throws IOException {
        List<String> args = leafArgs("unknown-profile", TestPki.KeyType.EC, false, "--profile-arn",
                Fixture.PROFILE.replace("66666666", "00000000"), "--no-cache");
        Cli.Result r = new Cli(Clock.systemUTC()).run(args.toArray(String[]::new));
        assertEquals(8, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("ResourceNotFoundException"), r.stderr());
    }

    @Test
    void asARealProcessTheOutputHasNoTrailingNewlineAndACacheHitNeedsNoEmulatorCall() throws Exception {
        List<String> args = leafArgs("subprocess", TestPki.KeyType.EC, false);
        Result first = runJava(args, List.of());
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.stdout().startsWith("{\"Version\":1,") && first.stdout().endsWith("\"}"), first.stdout());
        assertEquals("", first.stderr());
        List<String> debug = new ArrayList<>(args);
        debug.add("--debug");
        Result second = runJava(debug, List.of());
        assertEquals(first.stdout(), second.stdout(), "the second run is served from the cache");
        assertTrue(second.stderr().contains("debug: cache: hit"), second.stderr());
        assertFalse(second.stderr().contains("canonical request"), "no request was signed");
    }

    @Test
    void asARealProcessAMissingFlagIsOneLineAndExit2() throws Exception {
        Result r = runJava(List.of("credential-process", "--certificate", "x.pem"), List.of());
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.stdout());
        assertEquals("missing required flags: --private-key FILE, --trust-anchor-arn ARN, --profile-arn ARN, --role-arn ARN",
                r.stderr().strip());
    }

    @Test
    void theAwsCliUsesTheSignerAsItsCredentialProcess() throws Exception {
        Path aws = Path.of("/usr/bin/aws");
        assertTrue(Files.isExecutable(aws), "/usr/bin/aws (Debian awscli v2) is required: apt-get install -y awscli");
        List<String> args = leafArgs("aws-cli", TestPki.KeyType.EC, true);
        StringBuilder line = new StringBuilder(javaCommand().stream().reduce((a, b) -> a + " " + b).orElseThrow());
        for (String a : args) {
            line.append(' ').append(a);
        }
        Path config = tmp.resolve("aws-config");
        Files.writeString(config, "[profile use-roles-anywhere]\nregion = us-east-1\ncredential_process = " + line + "\n");
        Files.writeString(tmp.resolve("aws-credentials"), "");
        ProcessBuilder pb = new ProcessBuilder(aws.toString(), "sts", "get-caller-identity", "--profile",
                "use-roles-anywhere", "--endpoint-url", emulator.endpoint(), "--output", "json");
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("AWS_CONFIG_FILE", config.toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("aws-credentials").toString());
        pb.environment().put("AWS_PAGER", "");
        Result r = run(pb);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("\"Arn\": \"arn:aws:sts::123456789012:assumed-role/example-service/"), r.stdout());
        assertTrue(r.stdout().contains("\"Account\": \"123456789012\""), r.stdout());
    }

    @Test
    void fipsModeSignsWithBouncyCastleFipsAndRefusesUnapprovedKeys() throws Exception {
        Result ok = runJava(leafArgs("fips-ec", TestPki.KeyType.EC, true, "--fips", "--no-cache"), List.of());
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(ok.stdout().startsWith("{\"Version\":1,"), ok.stdout());
        Result rsa = runJava(leafArgs("fips-rsa", TestPki.KeyType.RSA, false, "--fips", "--no-cache"), List.of());
        assertEquals(0, rsa.exit(), rsa.toString());
        Result weak = runJava(leafArgs("fips-rsa-1024", TestPki.KeyType.RSA_1024, false, "--fips", "--no-cache"), List.of());
        assertEquals(12, weak.exit(), weak.toString());
        assertEquals("", weak.stdout());
        assertTrue(weak.stderr().contains("RSA 1024-bit key is not approved in FIPS mode"), weak.stderr());
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static List<String> javaCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.lanyard.signer.cli.Main");
    }

    static Result runJava(List<String> args, List<String> env) throws Exception {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(args);
        return run(new ProcessBuilder(command));
    }

    static Result run(ProcessBuilder pb) throws Exception {
        Path out = Files.createTempFile("signer-out", ".txt");
        Path err = Files.createTempFile("signer-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + pb.command());
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
