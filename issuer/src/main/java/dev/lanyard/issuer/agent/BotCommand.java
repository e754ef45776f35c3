package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import picocli.CommandLine.Command;

/** {@code lanyard bot}: the machine agent (like tbot). */
@Command(name = "bot", mixinStandardHelpOptions = true, subcommands = BotStartCommand.class,
        description = "The machine agent: joins the issuer and keeps SVIDs fresh on disk.")
public final class BotCommand implements Runnable {
    @Override
    public void run() {
        throw new LanyardException(Failure.USAGE, "give a bot command: start (see lanyard bot --help)");
    }
}
