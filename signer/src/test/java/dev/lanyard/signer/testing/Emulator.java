package dev.lanyard.signer.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real Lanyard emulator as a subprocess, per the team contract: {@code java -jar
 * ../emulator/target/quarkus-app/quarkus-run.jar start --port 0 --data-dir DIR --seed FILE}, ready
 * when it prints {@code endpoint: http://…}. A missing jar is a test failure with the build command,
 * never a silent skip.
 */
public final class Emulator implements AutoCloseable {
    public static final Path JAR = Path.of("..", "emulator", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();

    private final Process process;
    private final String endpoint;
    private final List<String> output = new ArrayList<>();

    private Emulator(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static Path requireJar() {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError("the emulator is not built: " + JAR + " is missing; build it first with"
                    + " `mvn -pl emulator -am package -DskipTests` (the reactor builds emulator before signer)");
        }
        return JAR;
    }

    public static Emulator start(Path dataDir, Path seed) throws IOException, InterruptedException {
        Path jar = requireJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "start", "--port", "0",
                "--data-dir", dataDir.toString(), "--seed", seed.toString())
                .redirectErrorStream(true).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (seen) {
                        seen.add(line);
                    }
                    if (line.startsWith("endpoint: http")) {
                        return line.substring("endpoint: ".length()).trim();
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String endpoint;
        try {
            endpoint = ready.get(120, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            endpoint = null;
        }
        if (endpoint == null) {
            p.destroyForcibly();
            synchronized (seen) {
                throw new AssertionError("the emulator did not print its endpoint; output:\n" + String.join("\n", seen));
            }
        }
        Thread drain = new Thread(() -> {
            try {
                while (reader.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        return new Emulator(p, endpoint);
    }

    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
