package dev.lanyard.issuer.support;

import dev.lanyard.issuer.cli.Cli;
import dev.lanyard.issuer.cli.Env;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in process with injected output, input, environment and clock. */
public final class Run {
    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> vars = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private String stdin = "";

    public Run env(String name, String value) {
        vars.put(name, value);
        return this;
    }

    public Run clock(Clock c) {
        this.clock = c;
        return this;
    }

    public Run stdin(String text) {
        this.stdin = text;
        return this;
    }

    public Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Env env = new Env(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.copyOf(vars), clock,
                new SecureRandom());
        int code = Cli.run(env, () -> {
            throw new IllegalStateException("tests do not boot a second server");
        }, args);
        return new Result(code, out.toString(), err.toString());
    }
}
