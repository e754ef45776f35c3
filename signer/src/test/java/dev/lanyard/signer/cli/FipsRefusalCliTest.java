package dev.lanyard.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.testing.Fixture;
import dev.lanyard.signer.testing.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.fips.FipsUnapprovedOperationError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --fips} refusals through the real entry point (a separate JVM: BC-FIPS approved-only mode is
 * per thread and must not leak into the test JVM): a key FIPS does not approve gives exit 12 and exactly
 * one stderr line from every command that signs, and BouncyCastle's own log lines stay off stderr.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FipsRefusalCliTest {
    static final Instant NOW = Instant.now();
    static final String UNREACHABLE_TLS = "https://127.0.0.1:1";

    @TempDir
    static Path tmp;
    Fixture f;
    Path rsa1024Cert;
    Path rsa1024Key;
    Path secp256k1Cert;
    Path secp256k1Key;

    @BeforeAll
    void keys() throws Exception {
        f = new Fixture(tmp, NOW);
        TestPki.Issued weak = f.pki.leaf(f.root, TestPki.LeafSpec.svid(NOW).withKeyType(TestPki.KeyType.RSA_1024));
        rsa1024Cert = weak.writeCertificate(tmp.resolve("rsa1024.pem"));
        rsa1024Key = weak.writeKey(tmp.resolve("rsa1024.key"));
        secp256k1Cert = resource("secp256k1-self-signed.pem");
        secp256k1Key = resource("secp256k1-self-signed.key");
    }

    @Test
    void signStringWithAnRsa1024KeyIsNotApprovedInOneLine() throws Exception {
        Result r = signer("sign-string", "--certificate", rsa1024Cert.toString(), "--private-key", rsa1024Key.toString(), "--fips");
        assertRefused(r, "RSA 1024-bit key is not approved in FIPS mode");
    }

    @Test
    void signStringWithASecp256k1KeyIsNotApprovedThoughBcFipsWouldSign() throws Exception {
        Result r = signer("sign-string", "--certificate", secp256k1Cert.toString(), "--private-key", secp256k1Key.toString(), "--fips");
        assertRefused(r, "EC curve 1.3.132.0.10 is not approved in FIPS mode");
    }

    @Test
    void credentialProcessAgainstATlsEndpointPrintsOnlyItsOwnLine() throws Exception {
        // TLS set-up starts bctls-fips, which logs ~10 java.util.logging lines unless they are routed away
        Result r = signer(f.credentialProcess(UNREACHABLE_TLS, "--no-cache", "--fips", "--certificate",
                rsa1024Cert.toString(), "--private-key", rsa1024Key.toString()));
        assertRefused(r, "RSA 1024-bit key is not approved");
        Result unreachable = signer(f.credentialProcess(UNREACHABLE_TLS, "--no-cache", "--fips"));
        assertEquals(10, unreachable.exit(), unreachable.toString());
        assertEquals(1, unreachable.stderr().lines().count(), unreachable.stderr());
        assertTrue(unreachable.stderr().startsWith("cannot reach " + UNREACHABLE_TLS), unreachable.stderr());
    }

    @Test
    void withDebugBouncyCastleLogLinesAreDebugLines() throws Exception {
        Result r = signer(f.credentialProcess(UNREACHABLE_TLS, "--no-cache", "--fips", "--debug"));
        assertEquals(10, r.exit(), r.toString());
        assertTrue(r.stderr().contains("debug: bouncycastle "), r.stderr());
        assertTrue(r.stderr().lines().filter(l -> l.contains("org.bouncycastle")).allMatch(l -> l.startsWith("debug: ")),
                r.stderr());
    }

    @Test
    void serveAndExecRefuseANonApprovedKeyInOneLine() throws Exception {
        for (String command : new String[] {"serve", "exec"}) {
            List<String> args = new ArrayList<>(List.of(command, "--fips", "--certificate", secp256k1Cert.toString(),
                    "--private-key", secp256k1Key.toString(), "--trust-anchor-arn", Fixture.TA, "--profile-arn",
                    Fixture.PROFILE, "--role-arn", Fixture.ROLE, "--endpoint", UNREACHABLE_TLS));
            if (command.equals("serve")) {
                args.addAll(List.of("--port", "0"));
            } else {
                args.addAll(List.of("--", "true"));
            }
            assertRefused(signer(args.toArray(String[]::new)), "EC curve 1.3.132.0.10 is not approved");
        }
    }

    @Test
    void doctorReportsTheNonApprovedKeyAsAFailedCheck() throws Exception {
        Result r = signer("doctor", "--certificate", rsa1024Cert.toString(), "--private-key", rsa1024Key.toString(), "--fips");
        assertEquals(12, r.exit(), r.toString());
        assertTrue(r.stdout().contains("FAIL  FIPS approved key"), r.stdout());
        assertEquals("", r.stderr());
    }

    /** The one mapping, in process: a BC-FIPS refusal picocli would let escape (an Error) is exit 12 and one line. */
    @Test
    void anEscapedBcFipsRefusalIsNotApprovedNotAStackTrace() {
        StringWriter err = new StringWriter();
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        SignerContext ctx = new SignerContext(java.util.Map.of(), java.io.InputStream.nullInputStream(), stdout,
                new PrintWriter(stdout), new PrintWriter(err), Clock.systemUTC(), d -> { });
        CommandLine cl = SignerCli.commandLine(ctx);
        cl.addSubcommand("refused", new Refused());
        assertEquals(Failure.NOT_APPROVED.exitCode(), cl.execute("refused"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("Attempt to use RSA key with non-approved size: 1024"), err.toString());

        StringWriter wrapped = new StringWriter();
        int code = ExitCodes.report(new LanyardException(Failure.INTERNAL, "CreateSession failed",
                new FipsUnapprovedOperationError("Attempt to use RSA key with non-approved size: 1024")), new PrintWriter(wrapped), false);
        assertEquals(12, code, wrapped.toString());
    }

    @CommandLine.Command(name = "refused")
    static final class Refused implements Runnable {
        @Override
        public void run() {
            throw new FipsUnapprovedOperationError("Attempt to use RSA key with non-approved size: 1024");
        }
    }

    private static void assertRefused(Result r, String reason) {
        assertEquals(12, r.exit(), r.toString());
        assertEquals("", r.stdout(), r.toString());
        assertEquals(1, r.stderr().lines().count(), "exactly one line: " + r.stderr());
        assertTrue(r.stderr().contains(reason), r.stderr());
    }

    private Path resource(String name) throws Exception {
        Path p = tmp.resolve(name);
        try (var in = FipsRefusalCliTest.class.getResourceAsStream("/fips/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    record Result(int exit, String stdout, String stderr) {
    }

    private Result signer(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("LANYARD_FIPS");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
