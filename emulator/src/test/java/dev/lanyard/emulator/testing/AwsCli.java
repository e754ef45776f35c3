package dev.lanyard.emulator.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real AWS CLI v2 (/usr/bin/aws) against the emulator with isolated config and credentials files. */
public final class AwsCli {
    public static final Path AWS = Path.of("/usr/bin/aws");

    /** Exit code, stdout, stderr. */
    public record Result(int exit, String out, String err) {
    }

    private final String endpoint;
    private final Path credentials;
    private final Path config;

    public AwsCli(String endpoint, Path credentials, Path scratch) {
        if (!Files.isExecutable(AWS)) {
            throw new IllegalStateException("/usr/bin/aws is missing: install the Debian awscli package (apt-get install -y awscli)");
        }
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.config = scratch.resolve("aws-config");
        try {
            Files.writeString(config, "[default]\nregion = us-east-1\noutput = json\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public AwsCli withCredentials(Path file) {
        return new AwsCli(endpoint, file, config.getParent());
    }

    public Result run(String... args) {
        List<String> cmd = new ArrayList<>(List.of(AWS.toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint-url", endpoint));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        pb.environment().put("AWS_CONFIG_FILE", config.toString());
        pb.environment().put("AWS_PAGER", "");
        pb.environment().remove("AWS_PROFILE");
        pb.environment().remove("AWS_ACCESS_KEY_ID");
        pb.environment().remove("AWS_SECRET_ACCESS_KEY");
        pb.environment().remove("AWS_SESSION_TOKEN");
        try {
            Path out = Files.createTempFile(config.getParent(), "out", ".txt");
            Path err = Files.createTempFile(config.getParent(), "err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("aws " + String.join(" ", args) + " did not finish in 60s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
