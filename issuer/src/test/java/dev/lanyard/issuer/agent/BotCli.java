package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.cli.Env;
import picocli.CommandLine;

/** Runs {@code bot ...} the way the {@code lanyard} dispatcher does, for tests. */
final class BotCli {
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private BotCli() {
    }

    /** Runs with captured output, the system clock and fresh randomness. */
    static Result capture(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        Env env = new Env(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                new java.io.ByteArrayInputStream(new byte[0]), java.util.Map.of(), java.time.Clock.systemUTC(),
                new java.security.SecureRandom());
        int code = run(env, args);
        return new Result(code, out.toString(), err.toString());
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
