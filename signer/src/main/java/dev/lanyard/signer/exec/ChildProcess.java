package dev.lanyard.signer.exec;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import sun.misc.Signal;

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
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            throw new LanyardException(Failure.NOT_FOUND, "cannot start " + command.get(0) + " (" + e.getMessage()
                    + "); check the command name and PATH");
        }
        forward("TERM", child);
        forward("INT", child);
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                child.destroy();
            }
        }
    }

    private static void forward(String name, Process child) {
        try {
            Signal.handle(new Signal(name), s -> send(name, child));
        } catch (IllegalArgumentException unsupported) {
            // this platform does not let the JVM handle the signal: the default action applies
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
