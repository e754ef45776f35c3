package dev.lanyard.signer.cli;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one place failures become exit codes ({@link Failure#exitCode()}) and one stderr line. Stack
 * traces only with {@code --debug}. Parameter errors are {@link Failure#USAGE}.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        return report(ex, cmd.getErr(), debug(parseResult));
    }

    /** The mapping itself: one line on {@code err}, the stack trace only with {@code debug}, the exit code. */
    static int report(Exception ex, PrintWriter err, boolean debug) {
        Failure failure;
        String line;
        if (ex instanceof LanyardException le) {
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
