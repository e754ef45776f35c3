package dev.lanyard.issuer.cli.issuer;

import picocli.CommandLine.Command;

@Command(name = "issuer", description = "Run or initialise the issuer (the SPIFFE CA service).",
        subcommands = {InitCommand.class, StartCommand.class})
public final class IssuerCommand {
}
