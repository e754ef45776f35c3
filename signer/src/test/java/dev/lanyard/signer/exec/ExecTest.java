package dev.lanyard.signer.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.cli.SignerContext;
import dev.lanyard.signer.json.Json;
import dev.lanyard.signer.refresh.FakeSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** exec with real child processes and a fake credential source. */
class ExecTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final FakeSource source = new FakeSource(clock, Duration.ofHours(1));
    private final StringWriter err = new StringWriter();

    private ExecCommand exec(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", dir.toString());
        env.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.putAll(extraEnv);
        SignerContext ctx = new SignerContext(Map.copyOf(env), InputStream.nullInputStream(), new ByteArrayOutputStream(),
                new PrintWriter(new StringWriter()), new PrintWriter(err), clock, d -> { });
        ExecCommand cmd = new ExecCommand(ctx);
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    @Test
    void exitsWithTheChildsExitCode() {
        assertEquals(0, exec(Map.of(), "--", "sh", "-c", "exit 0").run(source));
        assertEquals(7, exec(Map.of(), "--", "sh", "-c", "exit 7").run(source));
        assertEquals(7, exec(Map.of(), "--env", "--", "sh", "-c", "exit 7").run(source));
    }

    @Test
    void aSignalledChildGives128PlusTheSignal() {
        assertEquals(128 + 9, exec(Map.of(), "--", "sh", "-c", "kill -KILL $$").run(source));
    }

    @Test
    void theAwsCliInTheChildReadsTheContainerEndpoint() throws Exception {
        Path out = dir.resolve("out.json");
        int code = exec(Map.of("AWS_ACCESS_KEY_ID", "AKIASTALE", "AWS_SECRET_ACCESS_KEY", "stale"),
                "--", "sh", "-c", "/usr/bin/aws configure export-credentials --format process > " + out
                        + " && test -n \"$AWS_CONTAINER_AUTHORIZATION_TOKEN\"").run(source);
        assertEquals(0, code, err.toString());
        Map<String, Object> doc = Json.parseObject(Files.readString(out));
        assertEquals("ASIAFAKE000000000001", doc.get("AccessKeyId"), "stale env credentials were cleared");
        assertEquals("token-1", doc.get("SessionToken"));
    }

    @Test
    void envModeExportsStaticCredentials() throws Exception {
        Path out = dir.resolve("out.txt");
        int code = exec(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://stale"), "--env", "--", "sh", "-c",
                "printf '%s|%s|%s|%s' \"$AWS_ACCESS_KEY_ID\" \"$AWS_SECRET_ACCESS_KEY\" \"$AWS_SESSION_TOKEN\" "
                        + "\"${AWS_CONTAINER_CREDENTIALS_FULL_URI:-none}\" > " + out).run(source);
        assertEquals(0, code);
        assertEquals("ASIAFAKE000000000001|secret/1+key|token-1|none", Files.readString(out));
    }

    @Test
    void failsFastWithoutStartingTheChild() {
        source.failing = true;
        Path marker = dir.resolve("started");
        LanyardException e = assertThrows(LanyardException.class,
                () -> exec(Map.of(), "--", "sh", "-c", "touch " + marker).run(source));
        assertEquals(Failure.UNAVAILABLE, e.failure());
        assertFalse(Files.exists(marker));
    }

    @Test
    void aMissingCommandIsOneClearLine() {
        LanyardException e = assertThrows(LanyardException.class,
                () -> exec(Map.of(), "--", "no-such-command-xyz").run(source));
        assertEquals(Failure.NOT_FOUND, e.failure());
        assertTrue(e.getMessage().startsWith("cannot start no-such-command-xyz"), e.getMessage());
    }

    @Test
    void aCommandIsRequired() {
        assertThrows(CommandLine.MissingParameterException.class, () -> exec(Map.of(), "--env"));
    }
}
