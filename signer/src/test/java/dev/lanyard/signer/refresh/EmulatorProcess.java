package dev.lanyard.signer.refresh;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.x509.Pem;
import dev.lanyard.signer.testing.TestPki;
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

/**
 * The real emulator as a subprocess (TEAM.md contract), seeded with a trust anchor holding the test
 * root, the role {@code example-service} trusting the SVID's SPIFFE ID, and a profile listing it.
 */
public final class EmulatorProcess implements AutoCloseable {
    public static final Path JAR = Path.of("../emulator/target/quarkus-app/quarkus-run.jar").toAbsolutePath().normalize();
    public static final String SPIFFE_ID = "spiffe://example.org/svc/example-service";

    private final Path dataDir;
    private final Path seed;
    private Process process;
    private String endpoint;
    private final List<String> output = new ArrayList<>();

    private EmulatorProcess(Path dataDir, Path seed) {
        this.dataDir = dataDir;
        this.seed = seed;
    }

    /** Writes the seed for {@code root} into {@code dir} and starts the emulator on a free port. */
    public static EmulatorProcess start(Path dir, TestPki.Issued root) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "the emulator is not built: " + JAR + " (mvn -pl emulator package)");
        Files.writeString(dir.resolve("ca.pem"), Pem.encode("CERTIFICATE", root.der()));
        Files.writeString(dir.resolve("trust-policy.json"), """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"Service":"rolesanywhere.amazonaws.com"},
                 "Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],
                 "Condition":{"StringEquals":{"aws:PrincipalTag/x509SAN/URI":"%s"},
                              "ArnEquals":{"aws:SourceArn":"%s"}}}]}
                """.formatted(SPIFFE_ID, SourceFixture.TA));
        Path seed = dir.resolve("seed.yaml");
        Files.writeString(seed, """
                account: "123456789012"
                region: us-east-1
                trustAnchors:
                  - id: 11111111-2222-3333-4444-555555555555
                    name: lanyard
                    certificateBundle: ca.pem
                    enabled: true
                roles:
                  - name: example-service
                    trustPolicy: trust-policy.json
                    maxSessionDuration: 3600
                profiles:
                  - id: 66666666-7777-8888-9999-000000000000
                    name: example
                    roleArns: ["arn:aws:iam::123456789012:role/example-service"]
                    durationSeconds: 3600
                    acceptRoleSessionName: true
                """);
        Path data = Files.createDirectories(dir.resolve("emulator-data"));
        EmulatorProcess e = new EmulatorProcess(data, seed);
        e.launch(0);
        return e;
    }

    /** Stops the emulator (SIGTERM) and waits for it. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Starts it again on the same port with the same data directory. */
    public void restart() throws Exception {
        launch(Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1)));
    }

    private void launch(int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString(), "start",
                "--port", Integer.toString(port), "--data-dir", dataDir.toString(), "--seed", seed.toString())
                .redirectErrorStream(true);
        process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("endpoint: ")) {
                        return line.substring("endpoint: ".length()).trim();
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String url;
        try {
            url = ready.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            url = null;
        }
        if (url == null) {
            process.destroyForcibly();
            throw new AssertionError("the emulator did not start:\n" + String.join("\n", output));
        }
        endpoint = url;
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "emulator-output");
        drain.setDaemon(true);
        drain.start();
    }

    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
