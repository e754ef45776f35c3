package dev.lanyard.signer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.testing.Cli;
import dev.lanyard.signer.testing.Fixture;
import dev.lanyard.signer.testing.ScriptedEndpoint;
import dev.lanyard.signer.testing.TestPki;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS (AWS_CA_BUNDLE, --no-verify-ssl) and proxies (HTTP_PROXY, NO_PROXY) against real local servers. */
class TransportCliTest {
    @TempDir
    Path tmp;
    Fixture f;
    String expires;

    @BeforeEach
    void setUp() throws Exception {
        Instant now = Instant.now();
        f = new Fixture(tmp, now);
        expires = now.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void httpsEndpointsAreVerifiedAgainstAwsCaBundle() throws Exception {
        TestPki.Issued serverCa = f.pki.root("CN=Local TLS CA");
        Path bundle = serverCa.writeCertificate(tmp.resolve("tls-ca.pem"));
        try (ScriptedEndpoint ep = new ScriptedEndpoint(f.pki.serverContext(serverCa))
                .respond(ScriptedEndpoint.created("ASIATLS", expires))) {
            Cli.Result untrusted = new Cli(Clock.systemUTC()).run(f.credentialProcess(ep.url(), "--no-cache"));
            assertEquals(6, untrusted.exitCode(), untrusted.toString());
            assertTrue(untrusted.stderr().contains("set AWS_CA_BUNDLE"), untrusted.stderr());
            assertEquals("", untrusted.stdout());

            Cli.Result trusted = new Cli(Clock.systemUTC()).env("AWS_CA_BUNDLE", bundle.toString())
                    .run(f.credentialProcess(ep.url(), "--no-cache"));
            assertEquals(0, trusted.exitCode(), trusted.toString());
            assertTrue(trusted.stdout().contains("ASIATLS"));

            Cli.Result insecure = new Cli(Clock.systemUTC()).run(f.credentialProcess(ep.url(), "--no-cache", "--no-verify-ssl"));
            assertEquals(0, insecure.exitCode(), insecure.toString());
            assertTrue(ep.received().stream().allMatch(r -> r.header("Host").startsWith("127.0.0.1:")));
        }
    }

    @Test
    void fipsModeSpeaksTlsThroughBouncyCastleJsse() throws Exception {
        TestPki.Issued serverCa = f.pki.root("CN=Local TLS CA");
        Path bundle = serverCa.writeCertificate(tmp.resolve("tls-ca.pem"));
        try (ScriptedEndpoint ep = new ScriptedEndpoint(f.pki.serverContext(serverCa))
                .respond(ScriptedEndpoint.created("ASIAFIPSTLS", expires))) {
            // a real process: BC-FIPS approved-only mode is per thread and must not leak into this JVM
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), "dev.lanyard.signer.cli.Main"));
            command.addAll(java.util.List.of(f.credentialProcess(ep.url(), "--no-cache", "--fips")));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("AWS_CA_BUNDLE", bundle.toString());
            Path out = tmp.resolve("out.txt");
            Path err = tmp.resolve("err.txt");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), java.nio.file.Files.readString(err));
            assertTrue(java.nio.file.Files.readString(out).contains("ASIAFIPSTLS"));
        }
    }

    @Test
    void aMissingCaBundleIsAFileError() {
        Cli.Result r = new Cli(Clock.systemUTC()).env("AWS_CA_BUNDLE", tmp.resolve("none.pem").toString())
                .run(f.credentialProcess("https://127.0.0.1:1", "--no-cache"));
        assertEquals(4, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("none.pem: no such file"), r.stderr());
    }

    @Test
    void requestsGoThroughHttpProxyUnlessNoProxySaysOtherwise() throws Exception {
        try (ScriptedEndpoint proxy = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIAPROXY", expires))) {
            String target = "http://rolesanywhere.example.invalid:8080";
            Cli.Result r = new Cli(Clock.systemUTC()).env("HTTP_PROXY", proxy.url())
                    .run(f.credentialProcess(target, "--no-cache", "--with-proxy"));
            assertEquals(0, r.exitCode(), r.toString());
            ScriptedEndpoint.Received req = proxy.received().get(0);
            assertTrue(req.pathAndQuery().startsWith(target + "/sessions?profileArn="), req.pathAndQuery());
            assertEquals("rolesanywhere.example.invalid:8080", req.header("Host"), "the signed host is the endpoint's");

            Cli.Result bypassed = new Cli(Clock.systemUTC()).env("HTTP_PROXY", proxy.url())
                    .env("NO_PROXY", ".example.invalid").run(f.credentialProcess(target, "--no-cache"));
            assertEquals(10, bypassed.exitCode(), "direct connection to an unresolvable host: " + bypassed);
            assertEquals(1, proxy.received().size(), "NO_PROXY kept the second request away from the proxy");
        }
    }
}
