package dev.lanyard.issuer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.issuer.client.Credentials;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.support.Run;
import dev.lanyard.issuer.wire.TlsResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lanyard issuer start --listen 127.0.0.1:0 [--fips]} as the packaged issuer
 * ({@code target/quarkus-app/quarkus-run.jar}, as {@code bin/lanyard} runs it): the ready line and
 * {@code issuer.addr} give the port actually bound, clients find the issuer through it, and the HTTPS
 * connection is served by BCJSSE in FIPS mode and SunJSSE otherwise.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class IssuerStartIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern READY = Pattern.compile("^lanyard issuer ready: cluster (\\S+), listening on "
            + "https://127\\.0\\.0\\.1:(\\d+), CA pin (sha256:[0-9a-f]{64})(, FIPS mode)?$");

    @TempDir
    Path tmp;

    @Test
    void portZeroInDefaultMode() throws Exception {
        startAndCheck(false);
    }

    @Test
    void portZeroInFipsMode() throws Exception {
        startAndCheck(true);
    }

    private void startAndCheck(boolean fips) throws Exception {
        Path data = tmp.resolve("data");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", Path.of("target/quarkus-app/quarkus-run.jar")
                        .toAbsolutePath().toString(), "issuer", "start", "--cluster", "start.test", "--data-dir",
                data.toString(), "--listen", "127.0.0.1:0"));
        if (fips) {
            cmd.add("--fips");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("LANYARD_FIPS");
        pb.environment().remove("LANYARD_CA_PASSPHRASE");
        Process p = pb.start();
        // not closed here: closing blocks while the drain thread reads; the stream ends when the process does
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            Matcher ready = awaitReady(out);
            Thread.ofVirtual().start(() -> drain(out)); // the server must never block on a full pipe
            int port = Integer.parseInt(ready.group(2));
            assertNotEquals(0, port);
            assertEquals(fips, ready.group(4) != null, ready.group());
            assertEquals("127.0.0.1:" + port, Files.readString(data.resolve("issuer.addr")).strip());

            Run.Result status = status(data);
            assertEquals(0, status.code(), status.toString());
            JsonNode json = JSON.readTree(status.out());
            assertEquals(fips, json.get("fips").asBoolean());
            assertEquals(ready.group(3), json.get("ca_pin").asText());

            TlsResponse tls = Credentials.admin(new DataDir(data), null).client(new SecureRandom())
                    .get("/v1/tls", TlsResponse.class);
            assertEquals(fips ? "BCJSSE" : "SunJSSE", tls.provider());
            assertEquals(fips, tls.fips());
            assertTrue(Files.exists(data.resolve(fips ? "ca/spiffe-ca.bcfks" : "ca/spiffe-ca.p12")));
            p.destroy(); // SIGTERM: a clean stop removes the address
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the issuer stops on SIGTERM");
            assertFalse(Files.exists(data.resolve("issuer.addr")), "issuer.addr removed on a clean stop");
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discard
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** ctl status; a first TLS handshake on a loaded machine can exceed the client's connect timeout, so retry that. */
    private static Run.Result status(Path data) {
        Run.Result r = null;
        for (int attempt = 0; attempt < 4 && (r == null || r.code() == 10); attempt++) {
            r = new Run().cli("ctl", "status", "--format", "json", "--data-dir", data.toString());
        }
        return r;
    }

    private static Matcher awaitReady(BufferedReader out) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher m = READY.matcher(line);
            if (m.matches()) {
                return m;
            }
        }
        throw new AssertionError("the issuer exited before it was ready:\n" + seen);
    }
}
