package dev.lanyard.signer.cli;

import picocli.CommandLine;

/** Builds the picocli command line around a context, with the one exit-code mapping. */
public final class SignerCli {
    private SignerCli() {
    }

    public static CommandLine commandLine(SignerContext context) {
        ExitCodes exitCodes = new ExitCodes();
        return new CommandLine(new SignerCommand(context))
                .setOverwrittenOptionsAllowed(true)
                .setOut(context.out())
                .setErr(context.err())
                .setExecutionExceptionHandler(exitCodes)
                .setParameterExceptionHandler(exitCodes);
    }

    public static int run(SignerContext context, String... args) {
        int code = commandLine(context).execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }
}
