package dev.lanyard.signer.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** {@code exec} through its flags with the real source (a scripted endpoint) and a real child. */
class ExecCommandTest {
    @TempDir
    Path dir;

    @Test
    void childGetsCredentialsFromTheRealSourceAndItsCodeIsReturned() throws Exception {
        Clock clock = Clock.systemUTC();
        SourceFixture f = new SourceFixture(dir, clock);
        Path out = dir.resolve("out");
        String expiration = clock.instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIAEXEC00000000", expiration))) {
            ExecCommand cmd = new ExecCommand(f.context(Map.of("PATH", "/usr/bin:/bin"), clock));
            new CommandLine(cmd).parseArgs(f.args(endpoint.url(), "--env", "--", "sh", "-c",
                    "printf %s \"$AWS_ACCESS_KEY_ID\" > " + out + "; exit 5"));
            assertEquals(5, cmd.call());
        }
        assertEquals("ASIAEXEC00000000", Files.readString(out));
    }
}
