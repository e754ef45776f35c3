package dev.lanyard.issuer.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lanyard bot start ...} as a real subprocess of this JVM's class path, so that real signals
 * ({@code kill -HUP}, {@code kill -USR1}, {@code kill -TERM}) reach it. Its output is collected line by
 * line; tests wait for the line that proves a step happened.
 */
final class BotProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private BotProcess(Process process) {
        this.process = process;
        Thread.ofVirtual().start(this::collect);
    }

    static BotProcess start(Path workDir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.lanyard.issuer.Main"));
        cmd.addAll(List.of(args));
        return launch(workDir, cmd);
    }

    /** Any command (e.g. the packaged issuer), with HOME set to {@code workDir} and no LANYARD_* variables. */
    static BotProcess launch(Path workDir, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LANYARD_"));
        pb.environment().put("HOME", workDir.toString());
        return new BotProcess(pb.start());
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits for the {@code n}-th line (1-based) matching {@code pattern}; fails with the whole output. */
    Matcher await(Pattern pattern, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                int seen = 0;
                for (String l : lines) {
                    Matcher m = pattern.matcher(l);
                    if (m.find() && ++seen == n) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && seen < n) {
                    throw new AssertionError("no line #" + n + " matching " + pattern + "; output:\n" + output());
                }
                lines.wait(Math.max(1, Math.min(500, left / 1_000_000)));
            }
        }
    }

    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " failed");
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the bot did not exit; output:\n" + output());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    private void collect() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        synchronized (lines) {
            lines.notifyAll();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
