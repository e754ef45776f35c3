package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.cli.Env;
import picocli.CommandLine;

/** Runs {@code bot ...} the way the {@code lanyard} dispatcher does, for tests. */
final class BotCli {
    private BotCli() {
    }

    static int run(Env env, String... args) {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        CommandLine cl = new CommandLine(BotCommand.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == BotStartCommand.class) {
                    return cls.cast(new BotStartCommand(env));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof LanyardException le) {
                env.err().println("error: " + le.getMessage());
                return le.failure().exitCode();
            }
            throw ex;
        });
        return cl.execute(rest);
    }
}
