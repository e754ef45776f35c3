package dev.lanyard.emulator.cli;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.emulator.server.EmulatorConfig;
import dev.lanyard.emulator.server.EmulatorContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code start}: validates the flags, prepares the data directory (admin credentials, seed, TLS) and
 * returns the configuration Quarkus boots with, as system properties.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Run the local IAM Roles Anywhere + IAM + STS endpoint on 127.0.0.1.")
final class StartCommand {
    static final int DEFAULT_PORT = 7080;

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (0 picks a free one; default ${DEFAULT-VALUE}).",
            defaultValue = "" + DEFAULT_PORT)
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "State, admin credentials, audit log (default ~/.lanyard/emulator).")
    Path dataDir;

    @Option(names = "--seed", paramLabel = "FILE", description = "YAML file of resources with fixed ids, applied at start.")
    Path seed;

    @Option(names = "--account", paramLabel = "ID", description = "12-digit account id (default: the seed's, else 123456789012).")
    String account;

    @Option(names = "--region", paramLabel = "REGION", description = "Region served (default: the seed's, else us-east-1).")
    String region;

    @Option(names = "--max-clock-skew", paramLabel = "DURATION", defaultValue = "5m",
            description = "Allowed X-Amz-Date skew: s, m, h or d (e.g. 36500d to replay recordings; default ${DEFAULT-VALUE}).")
    String maxClockSkew;

    @Option(names = "--tls", description = "Serve HTTPS with a generated certificate; its CA is written to DATA_DIR/tls/ca.pem.")
    boolean tls;

    @Option(names = "--aws-exact-errors", description = "Send AWS's error messages only, without Lanyard's explanation.")
    boolean awsExactErrors;

    /** Everything Quarkus needs, after validating it and preparing the data directory. */
    Map<String, String> prepare(Clock clock) {
        if (port < 0 || port > 65535) {
            throw new LanyardException(Failure.USAGE, "--port " + port + " is not between 0 and 65535");
        }
        Durations.parse(maxClockSkew, "--max-clock-skew");
        if (region != null && !region.matches("[a-z]{2}(-[a-z]+)+-[0-9]+")) {
            throw new LanyardException(Failure.USAGE, "--region \"" + region + "\" is not a region such as us-east-1");
        }
        Path dir = EmulatorContext.dataDir(dataDir == null ? null : dataDir.toString());
        Map<String, String> props = new LinkedHashMap<>();
        props.put("lanyard.emulator.data-dir", dir.toString());
        if (seed != null) {
            props.put("lanyard.emulator.seed", seed.toAbsolutePath().toString());
        }
        if (account != null) {
            props.put("lanyard.emulator.account", account);
        }
        if (region != null) {
            props.put("lanyard.emulator.region", region);
        }
        props.put("lanyard.emulator.max-clock-skew", maxClockSkew);
        props.put("lanyard.emulator.aws-exact-errors", String.valueOf(awsExactErrors));
        // Wired once here, before Quarkus boots, so that a bad seed, data directory or account fails as one line with
        // its exit code instead of a CDI start-up stack trace; Quarkus wires its own from the same properties.
        new EmulatorContext(config(props), clock);
        int chosen = port == 0 ? freePort() : requireFree(port);
        props.put("quarkus.http.host", "127.0.0.1");
        if (tls) {
            TlsMaterial material = TlsMaterial.loadOrCreate(dir.resolve("tls"), clock);
            props.put("quarkus.http.ssl-port", String.valueOf(chosen));
            props.put("quarkus.http.insecure-requests", "disabled");
            props.put("quarkus.tls.key-store.pem.0.cert", material.certificate().toString());
            props.put("quarkus.tls.key-store.pem.0.key", material.key().toString());
        } else {
            props.put("quarkus.http.port", String.valueOf(chosen));
        }
        return props;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new LanyardException(Failure.UNAVAILABLE, "cannot find a free port on 127.0.0.1 (" + e.getMessage() + ")");
        }
    }

    private static int requireFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new LanyardException(Failure.UNAVAILABLE, "port " + port + " on 127.0.0.1 is in use; choose another with --port "
                    + "(0 picks a free one)");
        }
    }

    static EmulatorConfig config(Map<String, String> p) {
        return new EmulatorConfig() {
            public Optional<String> dataDir() {
                return Optional.ofNullable(p.get("lanyard.emulator.data-dir"));
            }

            public Optional<String> seed() {
                return Optional.ofNullable(p.get("lanyard.emulator.seed"));
            }

            public Optional<String> account() {
                return Optional.ofNullable(p.get("lanyard.emulator.account"));
            }

            public Optional<String> region() {
                return Optional.ofNullable(p.get("lanyard.emulator.region"));
            }

            public String maxClockSkew() {
                return p.getOrDefault("lanyard.emulator.max-clock-skew", "5m");
            }

            public boolean awsExactErrors() {
                return Boolean.parseBoolean(p.get("lanyard.emulator.aws-exact-errors"));
            }
        };
    }
}
