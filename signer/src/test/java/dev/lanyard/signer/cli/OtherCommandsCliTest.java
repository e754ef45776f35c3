package dev.lanyard.signer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.testing.Cli;
import dev.lanyard.signer.testing.Fixture;
import dev.lanyard.signer.testing.TestPki;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    void theFastPathKnowsExactlyThePicocliOptionsOfCredentialProcess() throws Exception {
        Map<String, Boolean> picocli = new TreeMap<>();
        for (CommandLine.Model.OptionSpec o : credentialProcess().getCommandSpec().options()) {
            if (!o.hidden() && !o.usageHelp() && !o.versionHelp()) {
                picocli.put(o.longestName(), o.arity().max() > 0);
            }
        }
        // One definition: the name constants that the annotations and the fast path's setters both use.
        Set<String> constants = new TreeSet<>();
        for (Class<?> c : List.of(KeyOptions.class, SessionOptions.class, DebugOption.class, CredentialProcessCommand.class)) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    String value = (String) field.get(null);
                    if (value.startsWith("--")) {
                        constants.add(value);
                    }
                }
            }
        }
        assertEquals(picocli.keySet(), constants);
        picocli.forEach((name, takesValue) -> assertEquals(!takesValue, CredentialProcessFastPath.isFlag(name), name));
        for (String[] picocliOnly : new String[][] {{"credential-process", "--cert-selector", "v"},
                {"credential-process", "--unknown", "v"}, {"credential-process", "--help"},
                {"credential-process", "--session-duration", "one hour"}, {"credential-process", "--fips=true"},
                {"credential-process", "--role-arn"}}) {
            assertNull(CredentialProcessFastPath.parse(picocliOnly), String.join(" ", picocliOnly));
        }
    }

    /** Every option given (both spellings), then none: the fast path sets exactly what picocli sets. */
    @ParameterizedTest
    @CsvSource({"true, true", "true, false", "false, false"})
    void theFastPathParsesLikePicocli(boolean every, boolean withEquals) {
        List<String> argv = new ArrayList<>(List.of("credential-process"));
        for (CommandLine.Model.OptionSpec o : credentialProcess().getCommandSpec().options()) {
            if (every && !o.hidden() && !o.usageHelp() && !o.versionHelp()) {
                String name = o.longestName();
                String value = name.equals("--session-duration") ? "1800" : name.equals("--cache-dir") ? "/tmp/c"
                        : name.substring(2) + "-value";
                if (o.arity().max() == 0) {
                    argv.add(name);
                } else if (withEquals) {
                    argv.add(name + "=" + value);
                } else {
                    argv.add(name);
                    argv.add(value);
                }
            }
        }
        String[] args = argv.toArray(String[]::new);
        CommandLine.ParseResult picocli = root().parseArgs(args);
        CredentialProcessFastPath.Parsed fast = CredentialProcessFastPath.parse(args);
        assertNotNull(fast, argv.toString());
        Map<String, Object> expected = values(picocli.subcommand().commandSpec());
        Map<String, Object> actual = new TreeMap<>();
        actual.putAll(values(CommandLine.Model.CommandSpec.forAnnotatedObject(fast.keys())));
        actual.putAll(values(CommandLine.Model.CommandSpec.forAnnotatedObject(fast.session())));
        actual.put("--debug", fast.debug());
        actual.put("--no-cache", fast.noCache());
        actual.put("--cache-dir", fast.cacheDir());
        assertEquals(expected, actual);
        if (every) {
            assertEquals(1800, fast.session().sessionDuration);
        }
    }

    private static Map<String, Object> values(CommandLine.Model.CommandSpec spec) {
        Map<String, Object> m = new TreeMap<>();
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            if (!o.hidden() && !o.usageHelp() && !o.versionHelp()) {
                m.put(o.longestName(), o.getValue());
            }
        }
        return m;
    }

    private static CommandLine credentialProcess() {
        return root().getSubcommands().get("credential-process");
    }

    private static CommandLine root() {
        return SignerCli.commandLine(new dev.lanyard.signer.cli.SignerContext(java.util.Map.of(),
                java.io.InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream(),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()),
                Clock.systemUTC(), d -> { }));
    }
}
