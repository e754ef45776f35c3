package dev.lanyard.signer.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that advances by a fixed step on every read: deterministic, never sleeps. */
final class TickingClock extends Clock {
    private Instant next;
    private final Duration step;

    TickingClock(Instant start, Duration step) {
        this.next = start;
        this.step = step;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        Instant now = next;
        next = next.plus(step);
        return now;
    }
}
