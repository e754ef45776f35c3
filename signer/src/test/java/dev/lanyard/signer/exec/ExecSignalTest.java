package dev.lanyard.signer.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * exec in its own JVM forwards SIGTERM and SIGINT to the child and exits with the child's code. The
 * child says when its trap is set by printing a line, so the test needs no sleep.
 */
class ExecSignalTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0} reaches the child")
    @ValueSource(strings = {"TERM", "INT"})
    void forwardsTheSignal(String signal) throws Exception {
        Path got = dir.resolve("got");
        String script = "trap 'echo " + signal + " > " + got + "; exit 42' " + signal + "; echo ready;"
                + " while true; do sleep 0.05; done";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                FakeExecMain.class.getName(), "--", "sh", "-c", script));
        pb.redirectError(dir.resolve("stderr").toFile());
        Process jvm = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine(), () -> stderr());
            if (signal.equals("TERM")) {
                jvm.destroy();
            } else {
                assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(jvm.pid())).start().waitFor());
            }
            assertTrue(jvm.waitFor(30, TimeUnit.SECONDS), "exec did not exit");
        } finally {
            jvm.destroyForcibly();
        }
        assertEquals(42, jvm.exitValue(), stderr());
        assertEquals(signal, Files.readString(got).trim());
    }

    private String stderr() {
        try {
            return Files.readString(dir.resolve("stderr"));
        } catch (Exception e) {
            return e.toString();
        }
    }
}
