package dev.lanyard.signer.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.refresh.SourceFixture;
import dev.lanyard.signer.testing.ScriptedEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lanyard-signer exec} through the CLI entry point, as a container entrypoint runs it. */
class ExecProcessTest {
    @TempDir
    Path dir;

    private Process start(SourceFixture f, String endpoint, String... childCommand) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.lanyard.signer.cli.Main", "exec"));
        command.addAll(List.of(f.args(endpoint)));
        command.add("--");
        command.addAll(List.of(childCommand));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile()).start();
    }

    @Test
    void exitsWithTheChildsCodeAndTheChildCanFetchCredentials() throws Exception {
        SourceFixture f = new SourceFixture(dir, Clock.systemUTC());
        String expiration = Clock.systemUTC().instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        Path fetched = dir.resolve("fetched.json");
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIAEXECPROCESS0", expiration))) {
            Process exec = start(f, endpoint.url(), "sh", "-c",
                    "curl -sf -H \"Authorization: $AWS_CONTAINER_AUTHORIZATION_TOKEN\" \"$AWS_CONTAINER_CREDENTIALS_FULL_URI\" > "
                            + fetched + "; exit 23");
            assertTrue(exec.waitFor(60, TimeUnit.SECONDS));
            assertEquals(23, exec.exitValue(), Files.readString(dir.resolve("out")));
        }
        assertTrue(Files.readString(fetched).startsWith("{\"AccessKeyId\":\"ASIAEXECPROCESS0\""), Files.readString(fetched));
    }

    @Test
    void aRefusedCreateSessionIsOneLineAndTheDocumentedCode() throws Exception {
        SourceFixture f = new SourceFixture(dir, Clock.systemUTC());
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint().respond(ScriptedEndpoint.error(403,
                "AccessDeniedException", "{\"message\":\"Untrusted Signing Certificate\"}"))) {
            Process exec = start(f, endpoint.url(), "sh", "-c", "exit 0");
            assertTrue(exec.waitFor(60, TimeUnit.SECONDS));
            String out = Files.readString(dir.resolve("out"));
            assertEquals(7, exec.exitValue(), out);
            assertEquals(1, out.lines().filter(l -> !l.startsWith("WARNING")).count(), out);
            assertTrue(out.contains("Untrusted Signing Certificate"), out);
        }
    }
}
