package dev.lanyard.signer.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real AWS CLI v2 (/usr/bin/aws) with a clean environment: no config, no credentials file,
 * only the variables a test passes. Fails clearly when the CLI is missing.
 */
public final class AwsCli {
    public static final Path AWS = Path.of("/usr/bin/aws");

    public record Result(int exitCode, String stdout, String stderr) {
    }

    private AwsCli() {
    }

    public static Result run(Path home, Map<String, String> env, String... args) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(AWS), "/usr/bin/aws (AWS CLI v2) is required: apt-get install -y awscli");
        List<String> command = new java.util.ArrayList<>(List.of(AWS.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> e = pb.environment();
        e.clear();
        e.put("PATH", "/usr/bin:/bin");
        e.put("HOME", home.toString());
        e.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        e.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        e.put("AWS_PAGER", "");
        e.putAll(env);
        Path out = Files.createTempFile(home, "aws-out", ".txt");
        Path err = Files.createTempFile(home, "aws-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
