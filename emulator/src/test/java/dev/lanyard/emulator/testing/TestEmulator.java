package dev.lanyard.emulator.testing;

import dev.lanyard.emulator.server.EmulatorConfig;
import dev.lanyard.emulator.server.EmulatorContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** An emulator wired without HTTP, on a temporary data dir and an injected clock. */
public final class TestEmulator {
    public static final Path VECTORS = Path.of("src/test/resources/roles-anywhere");
    public static final Path SEED = VECTORS.resolve("seed.yaml");

    private TestEmulator() {
    }

    public static EmulatorContext start(Path dataDir, Clock clock, Path seed, String skew, boolean exact) {
        return new EmulatorContext(new Config(dataDir.toString(), seed == null ? null : seed.toString(), skew, exact), clock);
    }

    public static EmulatorContext start(Path dataDir, Clock clock) {
        return start(dataDir, clock, SEED, "5m", false);
    }

    record Config(String dir, String seedFile, String skew, boolean exact) implements EmulatorConfig {
        public Optional<String> dataDir() {
            return Optional.of(dir);
        }

        public Optional<String> seed() {
            return Optional.ofNullable(seedFile);
        }

        public Optional<String> account() {
            return Optional.empty();
        }

        public Optional<String> region() {
            return Optional.empty();
        }

        public String maxClockSkew() {
            return skew;
        }

        public boolean awsExactErrors() {
            return exact;
        }
    }
}
