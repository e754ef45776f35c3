package dev.lanyard.signer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.json.Json;
import dev.lanyard.signer.refresh.SourceFixture;
import dev.lanyard.signer.testing.ScriptedEndpoint;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lanyard-signer serve} as a real process through the CLI entry point: it announces the
 * endpoint on stdout, the AWS CLI reads credentials from it, its log holds no secret, SIGTERM stops it.
 */
class ServeProcessTest {
    static final String MAIN = "dev.lanyard.signer.cli.Main";

    @TempDir
    Path dir;

    @Test
    void imdsServeProcess() throws Exception {
        SourceFixture f = new SourceFixture(dir, Clock.systemUTC());
        String expiration = Clock.systemUTC().instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIASERVEPROCESS", expiration))) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), MAIN, "serve"));
            command.addAll(List.of(f.args(endpoint.url(), "--port", "0", "--hop-limit", "1")));
            Path stderr = dir.resolve("serve.err");
            Process serve = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertTrue(line != null && line.startsWith("export AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:"),
                        line + "\n" + Files.readString(stderr));
                String url = line.substring(line.indexOf('=') + 1);
                AwsCli.Result r = AwsCli.run(dir, Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", url),
                        "configure", "export-credentials", "--format", "process");
                assertEquals(0, r.exitCode(), r.stderr());
                assertEquals("ASIASERVEPROCESS", Json.parseObject(r.stdout()).get("AccessKeyId"));
            } finally {
                serve.destroy();
                assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
            }
            String log = Files.readString(stderr);
            assertTrue(log.contains("Local server started on port: "), log);
            assertFalse(log.contains("secret-ASIASERVEPROCESS") || log.contains("token-ASIASERVEPROCESS"), log);
            assertEquals(1, endpoint.received().size(), "one CreateSession at start, none per request");
        }
    }
}
