package dev.lanyard.issuer.cli.ctl;

import picocli.CommandLine.Command;

@Command(name = "ctl", description = "Administer the issuer: resources, users, bots, tokens, CA export, audit.",
        subcommands = {StatusCommand.class, AuthCommand.class, CreateCommand.class, GetCommand.class,
                EditCommand.class, RmCommand.class, UsersCommand.class, BotsCommand.class, TokensCommand.class,
                AuditCommand.class})
public final class CtlCommand {
}
