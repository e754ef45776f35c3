package dev.lanyard.signer.cli;

import dev.lanyard.common.crypto.FipsPolicy;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.crypto.CryptoProviders;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one place failures become exit codes ({@link Failure#exitCode()}) and one stderr line. Stack
 * traces only with {@code --debug}. Parameter errors are {@link Failure#USAGE}. A BouncyCastle FIPS
 * refusal (an {@link AssertionError}, which picocli does not hand to exception handlers) that reached
 * a command unmapped is {@link Failure#NOT_APPROVED}, as {@link CryptoProviders#refusal} words it.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler,
        CommandLine.IExecutionStrategy {

    /** Runs the command as picocli does by default, with the errors it would let escape mapped too. */
    @Override
    public int execute(CommandLine.ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (AssertionError e) {
            return report(e, parseResult.commandSpec().commandLine().getErr(), debug(parseResult));
        }
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        return report(ex, cmd.getErr(), debug(parseResult));
    }

    /** The mapping itself: one line on {@code err}, the stack trace only with {@code debug}, the exit code. */
    static int report(Throwable ex, PrintWriter err, boolean debug) {
        Failure failure;
        String line;
        if (!(ex instanceof LanyardException le && le.failure() == Failure.NOT_APPROVED) && FipsPolicy.isRefusal(ex)) {
            LanyardException refusal = CryptoProviders.refusal("the operation is refused", ex);
            failure = refusal.failure();
            line = refusal.getMessage();
        } else if (ex instanceof LanyardException le) {
            failure = le.failure();
            line = le.getMessage();
        } else {
            failure = Failure.INTERNAL;
            line = "internal error: " + ex + "; rerun with --debug and report it";
        }
        err.println(oneLine(line));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return failure.exitCode();
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(oneLine(ex.getMessage()) + " (see " + cmd.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return Failure.USAGE.exitCode();
    }

    static boolean debug(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
