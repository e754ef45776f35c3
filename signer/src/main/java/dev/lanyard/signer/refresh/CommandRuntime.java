package dev.lanyard.signer.refresh;

import dev.lanyard.signer.cli.SignerContext;
import dev.lanyard.signer.session.Sleeper;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The outside world for the long-running commands, made once when the command object is created
 * (picocli makes it with the no-argument constructor; tests pass their own context).
 */
public final class CommandRuntime {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private CommandRuntime() {
    }

    public static SignerContext system() {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        return new SignerContext(System.getenv(), System.in, stdout,
                new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true),
                Clock.systemUTC(), Sleeper.REAL);
    }

    /** Log lines on stderr, time-stamped. Callers never pass a secret. */
    public static Consumer<String> log(SignerContext ctx) {
        return line -> {
            synchronized (ctx.err()) {
                ctx.err().println(STAMP.format(Instant.now(ctx.clock())) + " " + line);
                ctx.err().flush();
            }
        };
    }

    /** {@code debug: …} lines on stderr when {@code on}. */
    public static Consumer<String> debug(SignerContext ctx, boolean on) {
        if (!on) {
            return s -> { };
        }
        return s -> {
            synchronized (ctx.err()) {
                for (String line : s.split("\n", -1)) {
                    ctx.err().println("debug: " + line);
                }
                ctx.err().flush();
            }
        };
    }

    public static String userAgent() {
        String v = CommandRuntime.class.getPackage().getImplementationVersion();
        return "lanyard-signer/" + (v == null ? "dev" : v) + " (java " + java.lang.Runtime.version().feature() + ")";
    }
}
