package dev.lanyard.signer.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: canonical request, string to sign, cache and refresh decisions and stack traces; never a secret. */
public final class DebugOption {
    static final String DEBUG = "--debug";

    @Option(names = DEBUG, description = "Print signing steps, retries, cache and refresh decisions (never secrets) to stderr.")
    boolean debug;

    public boolean on() {
        return debug;
    }
}
