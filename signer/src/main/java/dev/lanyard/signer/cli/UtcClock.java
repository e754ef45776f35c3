package dev.lanyard.signer.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock in UTC, like {@link Clock#systemUTC()}, except that the time-zone classes are
 * initialised only when a zone is asked for: a credential cache hit needs only {@link #instant()}, and
 * initialising {@code ZoneOffset} (its caches pull in the VarHandle machinery) costs it a few ms.
 */
public final class UtcClock extends Clock {
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UtcClock;
    }

    @Override
    public int hashCode() {
        return UtcClock.class.hashCode();
    }

    @Override
    public String toString() {
        return "UtcClock";
    }
}
