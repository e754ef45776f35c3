package dev.lanyard.emulator.server;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Runtime settings, set as system properties by the {@code start} command (or application.properties in tests). */
@ConfigMapping(prefix = "lanyard.emulator")
public interface EmulatorConfig {
    /** Data directory; empty means ~/.lanyard/emulator. */
    Optional<String> dataDir();

    Optional<String> seed();

    Optional<String> account();

    Optional<String> region();

    @WithDefault("5m")
    String maxClockSkew();

    @WithDefault("false")
    boolean awsExactErrors();
}
