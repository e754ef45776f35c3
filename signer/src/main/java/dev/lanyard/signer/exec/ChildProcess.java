package dev.lanyard.signer.exec;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs the child with inherited stdin/stdout/stderr and the given environment, forwards SIGTERM and
 * SIGINT to it, and returns its exit code (128 + N when a signal N ended it, as shells report it).
 */
final class ChildProcess {
    private ChildProcess() {
    }

    static int run(List<String> command, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().clear();
        pb.environment().putAll(env);
        AtomicReference<Process> running = new AtomicReference<>();
        AtomicReference<String> early = new AtomicReference<>();
        SignalHandler term = forward("TERM", running, early);
        SignalHandler interrupt = forward("INT", running, early);
        try {
            return startAndWait(pb, command, running, early);
        } finally {
            restore("TERM", term);
            restore("INT", interrupt);
        }
    }

    private static int startAndWait(ProcessBuilder pb, List<String> command, AtomicReference<Process> running,
                                    AtomicReference<String> early) {
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            throw new LanyardException(Failure.NOT_FOUND, "cannot start " + command.get(0) + " (" + e.getMessage()
                    + "); check the command name and PATH");
        }
        running.set(child);
        if (early.get() != null) {
            send(early.get(), child);
        }
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                child.destroy();
            }
        }
    }

    /** Installed before the child starts, so no signal is lost; one arriving before the start is sent after it. */
    private static SignalHandler forward(String name, AtomicReference<Process> running, AtomicReference<String> early) {
        try {
            return Signal.handle(new Signal(name), s -> {
                Process child = running.get();
                if (child == null) {
                    early.set(name);
                } else {
                    send(name, child);
                }
            });
        } catch (IllegalArgumentException unsupported) {
            // this platform does not let the JVM handle the signal: the default action applies
            return null;
        }
    }

    private static void restore(String name, SignalHandler previous) {
        if (previous != null) {
            Signal.handle(new Signal(name), previous);
        }
    }

    private static void send(String name, Process child) {
        if (!child.isAlive()) {
            return;
        }
        if (name.equals("TERM")) {
            child.destroy();
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(child.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            child.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
