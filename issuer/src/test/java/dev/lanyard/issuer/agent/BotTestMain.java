package dev.lanyard.issuer.agent;

import dev.lanyard.issuer.cli.Env;

/** Temporary entry point for the subprocess tests until {@code bot} is registered in the dispatcher. */
public final class BotTestMain {
    private BotTestMain() {
    }

    public static void main(String... args) {
        System.exit(BotCli.run(Env.system(), args));
    }
}
