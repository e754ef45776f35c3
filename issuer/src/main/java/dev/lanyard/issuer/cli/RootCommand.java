package dev.lanyard.issuer.cli;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.Version;
import dev.lanyard.issuer.agent.BotCommand;
import dev.lanyard.issuer.cli.ctl.CtlCommand;
import dev.lanyard.issuer.cli.issuer.IssuerCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "lanyard", mixinStandardHelpOptions = true, version = "lanyard " + Version.VALUE,
        description = "Lanyard: a SPIFFE certificate authority with RBAC, its admin CLI and its human CLI.",
        subcommands = {IssuerCommand.class, CtlCommand.class, LoginCommand.class, SvidCommand.class, BotCommand.class},
        footer = {"", "Exit codes: 0 ok, 2 usage, 3 invalid input, 4 file, 5 key or certificate,",
                "6 untrusted, 7 denied, 8 not found, 9 conflict, 10 unavailable,",
                "11 remote refused, 12 not approved, 70 internal."})
final class RootCommand implements Runnable {
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces on failure.")
    boolean debug;

    @Override
    public void run() {
        throw new LanyardException(Failure.USAGE, "give a command: issuer, ctl, login or svid (see --help)");
    }
}
