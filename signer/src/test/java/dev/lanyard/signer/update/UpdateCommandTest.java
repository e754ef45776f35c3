package dev.lanyard.signer.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.refresh.SourceFixture;
import dev.lanyard.signer.testing.ScriptedEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code update --once} end to end with the real source against a scripted endpoint. */
class UpdateCommandTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    @Test
    void onceRewritesTheProfileAndKeepsTheRest() throws Exception {
        SourceFixture f = new SourceFixture(dir, clock);
        Path file = dir.resolve("credentials");
        Files.writeString(file, "[default]\naws_access_key_id = AKIAKEEP\n");
        String expiration = clock.instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIAUPDATED00000", expiration))) {
            UpdateCommand cmd = new UpdateCommand(f.context(Map.of("AWS_SHARED_CREDENTIALS_FILE", file.toString()), clock));
            new CommandLine(cmd).parseArgs(f.args(endpoint.url(), "--profile", "work", "--once"));
            cmd.run();
        }
        assertEquals("[default]\naws_access_key_id = AKIAKEEP\n\n[work]\naws_access_key_id = ASIAUPDATED00000\n"
                + "aws_secret_access_key = secret-ASIAUPDATED00000\naws_session_token = token-ASIAUPDATED00000\n",
                Files.readString(file));
        assertTrue(f.stderr.toString().contains("profile [work] in " + file + " updated"), f.stderr.toString());
        assertTrue(!f.stderr.toString().contains("secret-ASIA"), "no secret in the log");
    }

    @Test
    void aRefusedFirstUpdateFailsAndLeavesTheFileAlone() throws Exception {
        SourceFixture f = new SourceFixture(dir, clock);
        Path file = dir.resolve("credentials");
        Files.writeString(file, "[work]\naws_access_key_id = OLD\n");
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint().respond(ScriptedEndpoint.error(403,
                "AccessDeniedException", "{\"message\":\"Untrusted Signing Certificate\"}"))) {
            UpdateCommand cmd = new UpdateCommand(f.context(Map.of("AWS_SHARED_CREDENTIALS_FILE", file.toString()), clock));
            new CommandLine(cmd).parseArgs(f.args(endpoint.url(), "--profile", "work"));
            LanyardException e = assertThrows(LanyardException.class, cmd::run);
            assertEquals(Failure.DENIED, e.failure(), e.getMessage());
        }
        assertEquals("[work]\naws_access_key_id = OLD\n", Files.readString(file));
    }
}
