package dev.lanyard.signer.cli;

import picocli.CommandLine;

/** Builds the picocli command line around a context, with the one exit-code mapping. */
public final class SignerCli {
    private SignerCli() {
    }

    public static CommandLine commandLine(SignerContext context) {
        ExitCodes exitCodes = new ExitCodes();
        CommandLine cl = new CommandLine(new SignerCommand(context));
        // the long-running modes (issue 7) take the context in their constructors
        cl.addSubcommand(new dev.lanyard.signer.serve.ServeCommand(context));
        cl.addSubcommand(new dev.lanyard.signer.update.UpdateCommand(context));
        cl.addSubcommand(new dev.lanyard.signer.exec.ExecCommand(context));
        return cl
                .setOverwrittenOptionsAllowed(true)
                .setOut(context.out())
                .setErr(context.err())
                .setExecutionStrategy(exitCodes)
                .setExecutionExceptionHandler(exitCodes)
                .setParameterExceptionHandler(exitCodes);
    }

    /** Runs a command: plain credential-process invocations without picocli, everything else through it. */
    public static int run(SignerContext context, String... args) {
        Integer served = CredentialProcessFastPath.tryRun(context, args);
        if (served != null) {
            return served;
        }
        return runWithPicocli(context, args);
    }

    /** Runs a command through picocli only (Main has already tried the cache). */
    static int runWithPicocli(SignerContext context, String... args) {
        int code = commandLine(context).execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }
}
