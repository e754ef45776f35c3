package dev.lanyard.issuer.cli;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Builds the picocli tree with {@link Env} injected into every command, and maps every failure to
 * one line on stderr and its exit code: the one place where exceptions become exit codes.
 */
public final class Cli {
    private Cli() {
    }

    public static int run(Env env, String... args) {
        return run(env, ServerLauncher.QUARKUS, args);
    }

    public static int run(Env env, ServerLauncher launcher, String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(RootCommand.class, new Factory(env, launcher));
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        withHelpOptions(cl);
        cl.setParameterExceptionHandler((ex, a) -> {
            env.err().println("error: " + ex.getMessage().lines().findFirst().orElse("invalid arguments")
                    + " (see --help)");
            env.err().flush();
            return Failure.USAGE.exitCode();
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> report(env, ex, debug));
        try {
            return cl.execute(args);
        } finally {
            env.out().flush();
            env.err().flush();
        }
    }

    /** Every command and subcommand answers --help (and -h, -V). */
    private static void withHelpOptions(CommandLine cl) {
        cl.getCommandSpec().mixinStandardHelpOptions(true);
        cl.getSubcommands().values().forEach(Cli::withHelpOptions);
    }

    static int report(Env env, Exception ex, boolean debug) {
        Failure failure;
        String message;
        if (ex instanceof LanyardException le) {
            failure = le.failure();
            message = le.getMessage();
        } else {
            failure = Failure.INTERNAL;
            message = "internal error: " + ex + " (rerun with --debug for details)";
        }
        env.err().println("error: " + message);
        if (debug) {
            ex.printStackTrace(env.err());
        }
        env.err().flush();
        return failure.exitCode();
    }

    /** Creates commands, passing {@link Env} (and the launcher) to constructors that take them. */
    private record Factory(Env env, ServerLauncher launcher) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                Class<?>[] p = c.getParameterTypes();
                if (p.length == 1 && p[0] == Env.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(env));
                }
                if (p.length == 2 && p[0] == Env.class && p[1] == ServerLauncher.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(env, launcher));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
