package dev.lanyard.signer.cli;

/**
 * {@code lanyard-signer}: the thin entry point. Builds the real context (environment, stdin, stdout,
 * stderr, system clock), runs the command line and exits with its code. No DI container, nothing
 * initialised that the chosen command does not use.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        SignerContext context = SignerContext.system();
        Integer served = CredentialProcessFastPath.tryRun(context, args);
        int code = served != null ? served : SignerCli.runWithPicocli(context, args);
        context.out().flush();
        context.err().flush();
        // halt, not exit: everything is flushed and there are no shutdown hooks to run, and
        // Runtime.exit initialises System.Logger to log the call, which costs more than a cache hit
        Runtime.getRuntime().halt(code);
    }
}
