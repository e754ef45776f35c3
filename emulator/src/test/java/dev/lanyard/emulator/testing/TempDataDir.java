package dev.lanyard.emulator.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** A fresh data directory for each @QuarkusTest run, removed afterwards. */
public final class TempDataDir implements QuarkusTestResourceLifecycleManager {
    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("lanyard-emulator-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("lanyard.emulator.data-dir", dir.toString());
    }

    @Override
    public void stop() {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
