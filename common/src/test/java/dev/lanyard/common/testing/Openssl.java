package dev.lanyard.common.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code openssl} command to produce key formats with an independent implementation.
 * Fails clearly when openssl is not installed (.ci/run installs it).
 */
public final class Openssl {
    private Openssl() {
    }

    /** Runs {@code openssl args...} with {@code input} on stdin and returns stdout. */
    public static byte[] run(byte[] input, String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Path err = Files.createTempFile("openssl", ".err");
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            p.getOutputStream().write(input);
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                String message = Files.readString(err, StandardCharsets.UTF_8);
                Files.deleteIfExists(err);
                throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + message);
            }
            Files.deleteIfExists(err);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("openssl is required by this test and could not be run (" + e.getMessage()
                    + "); install it with: apt-get install -y openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
