package dev.lanyard.issuer.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a command touches outside its arguments: output, input, environment, clock,
 * randomness. Tests build one with string writers and a fixed environment; nothing swaps System.out.
 */
public record Env(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> vars, Clock clock,
                  SecureRandom random) {

    public static Env system() {
        return new Env(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                System.in, System.getenv(), Clock.systemUTC(), new SecureRandom());
    }

    public String var(String name) {
        String v = vars.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The user's home: {@code HOME} from the environment, so {@code ~/.lanyard} follows it. */
    public Path home() {
        String h = var("HOME");
        return Path.of(h != null ? h : System.getProperty("user.home"));
    }
}
