package dev.lanyard.signer.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: canonical request, string to sign, cache decisions and stack traces; never a secret. */
final class DebugOption {
    @Option(names = "--debug", description = "Print signing steps, retries and cache decisions (never secrets) to stderr.")
    boolean debug;
}
