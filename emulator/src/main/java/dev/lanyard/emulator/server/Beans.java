package dev.lanyard.emulator.server;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** CDI producers: the clock and the wired emulator. */
public final class Beans {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    EmulatorContext context(EmulatorConfig config, Clock clock) {
        return new EmulatorContext(config, clock);
    }
}
