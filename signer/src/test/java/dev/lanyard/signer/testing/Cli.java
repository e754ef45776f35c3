package dev.lanyard.signer.testing;

import dev.lanyard.signer.cli.SignerCli;
import dev.lanyard.signer.cli.SignerContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process through picocli with injected environment, stdin, writers and clock. */
public final class Cli {
    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private Clock clock;
    private byte[] stdin = new byte[0];
    public final List<Duration> sleeps = new ArrayList<>();

    public Cli(Clock clock) {
        this.clock = clock;
    }

    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Cli stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public Cli clock(Clock c) {
        clock = c;
        return this;
    }

    public Result run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8));
        SignerContext ctx = new SignerContext(Map.copyOf(env), new ByteArrayInputStream(stdin), stdout, out,
                new PrintWriter(err), clock, sleeps::add);
        int code = SignerCli.run(ctx, args);
        out.flush();
        return new Result(code, stdout.toString(StandardCharsets.UTF_8), err.toString());
    }
}
