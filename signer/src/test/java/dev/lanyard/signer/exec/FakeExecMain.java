package dev.lanyard.signer.exec;

import dev.lanyard.signer.refresh.CommandRuntime;
import dev.lanyard.signer.refresh.FakeSource;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine;

/** {@code exec} in its own JVM with a fake credential source, for the signal-forwarding test. */
public final class FakeExecMain {
    private FakeExecMain() {
    }

    public static void main(String[] args) {
        ExecCommand cmd = new ExecCommand(CommandRuntime.system());
        new CommandLine(cmd).parseArgs(args);
        System.exit(cmd.run(new FakeSource(Clock.systemUTC(), Duration.ofHours(1))));
    }
}
