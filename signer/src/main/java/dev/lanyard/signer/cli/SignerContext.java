package dev.lanyard.signer.cli;

import dev.lanyard.signer.session.Sleeper;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a command may touch of the outside world, created once at start-up and injected: tests pass
 * their own environment, stdin, writers, clock and sleeper (no System.out swapping, no sleeping).
 */
public record SignerContext(Map<String, String> env, InputStream stdin, OutputStream stdout, PrintWriter out,
                            PrintWriter err, Clock clock, Sleeper sleeper) {

    static SignerContext system() {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        return new SignerContext(System.getenv(), System.in, stdout,
                new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false),
                new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true),
                new UtcClock(), Sleeper.REAL);
    }

    /** A debug sink writing {@code debug: …} lines to stderr, or nothing. */
    Consumer<String> debug(boolean on) {
        return on ? new DebugLines(err) : NO_DEBUG;
    }

    // classes, not lambdas: the first lambda of a run costs start-up time on the one-shot path
    private static final Consumer<String> NO_DEBUG = new Consumer<>() {
        @Override
        public void accept(String s) {
        }
    };

    private record DebugLines(PrintWriter err) implements Consumer<String> {
        @Override
        public void accept(String s) {
            for (String line : s.split("\n", -1)) {
                err.println("debug: " + line);
            }
            err.flush();
        }
    }
}
