package dev.lanyard.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-running process (issuer, emulator, bot) started in the background. Its output goes to a log
 * file; {@link #awaitLine} waits for a line that says it is ready. Closing it stops the process tree.
 */
final class Service implements AutoCloseable {
    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder log = new StringBuilder();

    private Service(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread pump = new Thread(this::pump, name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    static Service start(String name, List<String> argv, Map<String, String> env, Path cwd) {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        try {
            return new Service(name, pb.start());
        } catch (IOException e) {
            throw new JourneyException("cannot start " + name + ": " + e.getMessage());
        }
    }

    /** Waits for a line matching {@code pattern}; returns the matcher of that line. */
    Matcher awaitLine(Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left > 0 ? lines.poll(Math.min(left, 200_000_000L), TimeUnit.NANOSECONDS) : null;
                if (line != null) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        return m;
                    }
                } else if (!process.isAlive() && lines.isEmpty()) {
                    throw new JourneyException(name + " exited with " + process.exitValue() + " before it was ready:\n" + log());
                } else if (left <= 0) {
                    throw new JourneyException(name + " was not ready after " + timeout.toSeconds() + " s:\n" + log());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JourneyException("interrupted while waiting for " + name);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    synchronized String log() {
        return log.toString();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (this) {
                    log.append(line).append('\n');
                }
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
