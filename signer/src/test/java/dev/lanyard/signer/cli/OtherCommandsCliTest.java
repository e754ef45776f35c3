package dev.lanyard.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.testing.Cli;
import dev.lanyard.signer.testing.Fixture;
import dev.lanyard.signer.testing.TestPki;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** sign-string, read-certificate-data, version, and the picocli/fast-path agreement. */
class OtherCommandsCliTest {
    static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");

    @TempDir
    Path tmp;
    Fixture f;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(tmp, NOW);
        cli = new Cli(Clock.systemUTC());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"EC,SHA256,SHA256withECDSA", "EC,SHA384,SHA384withECDSA", "RSA,SHA256,SHA256withRSA", "RSA,SHA512,SHA512withRSA"})
    void signStringSignsTheHelpersTestStringAndItVerifies(TestPki.KeyType type, String digest, String jca) throws Exception {
        TestPki.Issued leaf = f.pki.leaf(f.root, TestPki.LeafSpec.svid(NOW).withKeyType(type));
        Path cert = leaf.writeCertificate(tmp.resolve("c.pem"));
        Path key = leaf.writeKey(tmp.resolve("k.pem"));
        Cli.Result r = cli.run("sign-string", "--certificate", cert.toString(), "--private-key", key.toString(),
                "--digest", digest, "--format", "text");
        assertEquals(0, r.exitCode(), r.toString());
        Signature v = Signature.getInstance(jca);
        v.initVerify(leaf.certificate());
        v.update(SignStringCommand.testString(leaf.certificate()));
        assertTrue(v.verify(HexFormat.of().parseHex(r.stdout())), "verifies over the fixed test string");
        Cli.Result json = cli.run("sign-string", "--certificate", cert.toString(), "--private-key", key.toString());
        assertTrue(json.stdout().startsWith("\"") && json.stdout().endsWith("\""), json.stdout());
    }

    @Test
    void signStringNeedsBothFiles() {
        Cli.Result r = cli.run("sign-string", "--certificate", f.certPem.toString());
        assertEquals(2, r.exitCode());
        assertEquals("missing --private-key FILE (required)\n", r.stderr());
        assertEquals(2, cli.run("sign-string", "--format", "xml").exitCode());
    }

    @Test
    void readCertificateDataPrintsTheHelpersDocument() {
        Cli.Result r = cli.run("read-certificate-data", "--certificate", f.certPem.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("{\"keyType\":\"EC\",\"certificateData\":\"" + Base64.getEncoder().encodeToString(f.leaf.der())
                + "\",\"serialNumber\":\"" + f.leaf.certificate().getSerialNumber()
                + "\",\"supportedAlgorithms\":[\"ECDSASHA256\",\"ECDSASHA384\",\"ECDSASHA512\"]}", r.stdout());
        Cli.Result bad = cli.run("read-certificate-data", "--certificate", f.keyPem.toString());
        assertEquals(5, bad.exitCode(), bad.toString());
        assertTrue(bad.stderr().contains("no CERTIFICATE block found"), bad.stderr());
    }

    @Test
    void versionAndHelp() {
        Cli.Result v = cli.run("version");
        assertEquals(0, v.exitCode());
        assertTrue(v.stdout().matches("[0-9A-Za-z.-]+\\n"), v.stdout());
        Cli.Result help = cli.run("credential-process", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().contains("--trust-anchor-arn=ARN"), help.stdout());
        Cli.Result none = cli.run();
        assertEquals(2, none.exitCode());
        assertTrue(none.stderr().contains("missing command"), none.stderr());
    }

    @Test
    void theFastPathKnowsExactlyThePicocliOptionsOfCredentialProcess() {
        CommandLine cl = SignerCli.commandLine(new dev.lanyard.signer.cli.SignerContext(java.util.Map.of(),
                java.io.InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream(),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()),
                Clock.systemUTC(), d -> { }));
        Set<String> picocli = new TreeSet<>();
        cl.getSubcommands().get("credential-process").getCommandSpec().options().forEach(o -> {
            if (!o.hidden() && !o.usageHelp() && !o.versionHelp()) {
                picocli.add(o.longestName() + (o.arity().max() == 0 ? "" : "=VALUE"));
            }
        });
        Set<String> fast = new TreeSet<>();
        for (String name : picocli) {
            String bare = name.replace("=VALUE", "");
            String[] probe = CredentialProcessFastPath.isFlag(bare) ? new String[] {"credential-process", bare}
                    : new String[] {"credential-process", bare, bare.equals("--session-duration") ? "900" : "v"};
            fast.add(name);
            assertTrue(knows(probe), "the fast path does not know " + name);
        }
        assertEquals(picocli, fast);
    }

    /** True when the fast path accepts the option (it then fails on the missing flags, not by giving up). */
    private static boolean knows(String[] args) {
        java.io.StringWriter err = new java.io.StringWriter();
        Integer code = CredentialProcessFastPath.tryRun(new dev.lanyard.signer.cli.SignerContext(java.util.Map.of(),
                java.io.InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream(),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(err), Clock.systemUTC(), d -> { }), args);
        return code != null;
    }
}
