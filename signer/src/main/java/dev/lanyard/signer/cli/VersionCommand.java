package dev.lanyard.signer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code version}: prints the version, like the reference helper. */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, description = "Prints the version.")
final class VersionCommand implements Runnable {
    @ParentCommand
    SignerCommand root;

    @Override
    public void run() {
        root.context().out().println(Version.get());
    }
}
