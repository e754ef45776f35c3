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
        int code = SignerCli.run(context, args);
        context.out().flush();
        context.err().flush();
        System.exit(code);
    }
}
