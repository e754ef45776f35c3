package dev.lanyard.signer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.refresh.SourceFixture;
import dev.lanyard.signer.testing.ScriptedEndpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve}'s start-up checks: it fails fast and never starts listening when it cannot serve. */
class ServeCommandTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    @Test
    void failsFastWhenTheFirstCreateSessionIsRefused() throws Exception {
        SourceFixture f = new SourceFixture(dir, clock);
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint().respond(ScriptedEndpoint.error(403,
                "AccessDeniedException", "{\"message\":\"Untrusted Signing Certificate\"}"))) {
            ServeCommand cmd = new ServeCommand(f.context(Map.of(), clock));
            new CommandLine(cmd).parseArgs(f.args(endpoint.url(), "--port", "0"));
            LanyardException e = assertThrows(LanyardException.class, cmd::run);
            assertEquals(Failure.DENIED, e.failure());
            assertTrue(e.getMessage().contains("Untrusted Signing Certificate"), e.getMessage());
        }
        assertEquals("", f.out(), "no endpoint announced");
    }

    @Test
    void helpListsTheFlagsOfEachLongRunningCommand() throws Exception {
        SourceFixture f = new SourceFixture(dir, clock);
        var ctx = f.context(Map.of(), clock);
        java.io.StringWriter help = new java.io.StringWriter();
        for (Object cmd : new Object[] {new ServeCommand(ctx), new dev.lanyard.signer.update.UpdateCommand(ctx),
                new dev.lanyard.signer.exec.ExecCommand(ctx)}) {
            assertEquals(0, new CommandLine(cmd).setOut(new java.io.PrintWriter(help)).execute("--help"));
        }
        String text = help.toString();
        for (String flag : new String[] {"--hop-limit", "--bind", "--container", "--token-file", "--profile", "--once",
                "--env", "--certificate", "--trust-anchor-arn", "--session-duration"}) {
            assertTrue(text.contains(flag), flag + " missing from:\n" + text);
        }
    }

    @Test
    void nonLoopbackBindWithoutProtectionIsAUsageError() throws Exception {
        SourceFixture f = new SourceFixture(dir, clock);
        ServeCommand cmd = new ServeCommand(f.context(Map.of(), clock));
        new CommandLine(cmd).parseArgs(f.args("http://127.0.0.1:1", "--bind", "0.0.0.0"));
        LanyardException e = assertThrows(LanyardException.class, cmd::run);
        assertEquals(Failure.USAGE, e.failure());
    }

    @Test
    void theLongRunningCommandsCheckTheKeyFlagsAsCredentialProcessDoes() throws Exception {
        SourceFixture f = new SourceFixture(dir, clock);
        ServeCommand missing = new ServeCommand(f.context(Map.of(), clock));
        new CommandLine(missing).parseArgs("--port", "0", "--role-arn", SourceFixture.ROLE);
        LanyardException e = assertThrows(LanyardException.class, missing::run);
        assertEquals(Failure.USAGE, e.failure());
        assertEquals("missing required flags: --certificate FILE, --private-key FILE, --trust-anchor-arn ARN, --profile-arn ARN",
                e.getMessage());
        ServeCommand store = new ServeCommand(f.context(Map.of(), clock));
        new CommandLine(store).parseArgs("--cert-selector", "Key=x509Subject,Value=CN=x");
        e = assertThrows(LanyardException.class, store::run);
        assertEquals(Failure.USAGE, e.failure());
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }

    @Test
    void stdinCannotBeAKeySourceForALongRunningCommand() throws Exception {
        SourceFixture f = new SourceFixture(dir, clock);
        ServeCommand cmd = new ServeCommand(f.context(Map.of(), clock));
        String[] args = f.args("http://127.0.0.1:1");
        args[1] = "-";
        new CommandLine(cmd).parseArgs(args);
        LanyardException e = assertThrows(LanyardException.class, cmd::run);
        assertEquals(Failure.USAGE, e.failure());
        assertTrue(e.getMessage().contains("stdin (-) cannot be used"), e.getMessage());
    }
}
