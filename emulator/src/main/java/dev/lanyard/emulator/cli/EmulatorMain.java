package dev.lanyard.emulator.cli;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lanyard-emulator start [...]}: picocli parses the command line before Quarkus boots, the
 * start command prepares the data directory and the runtime configuration, then Quarkus runs.
 * Exit codes: 0, 2 (usage), and the {@link Failure} codes of start-up errors.
 */
@QuarkusMain
public final class EmulatorMain {
    @Command(name = "lanyard-emulator", mixinStandardHelpOptions = true, subcommands = StartCommand.class,
            description = "A local, faithful IAM Roles Anywhere + IAM + STS endpoint.")
    static final class Root implements Runnable {
        @Override
        public void run() {
            throw new CommandLine.ParameterException(new CommandLine(this), "missing command: use \"start\" (see --help)");
        }
    }

    private EmulatorMain() {
    }

    public static void main(String... args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code >= 0) {
            System.exit(code);
        }
    }

    /** Returns an exit code, or -1 after Quarkus ran and shut down on its own. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Root()).setOut(out).setErr(err);
        CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("lanyard-emulator: " + e.getMessage() + " (see --help)");
            return Failure.USAGE.exitCode();
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        if (!parsed.hasSubcommand()) {
            err.println("lanyard-emulator: missing command: use \"start\" (see --help)");
            return Failure.USAGE.exitCode();
        }
        StartCommand start = (StartCommand) parsed.subcommand().commandSpec().userObject();
        Map<String, String> props;
        try {
            props = start.prepare(Clock.systemUTC());
        } catch (LanyardException e) {
            err.println("lanyard-emulator: " + e.getMessage());
            return e.failure().exitCode();
        }
        props.forEach(System::setProperty);
        Quarkus.run(args);
        return -1;
    }
}
