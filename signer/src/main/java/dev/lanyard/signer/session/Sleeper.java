package dev.lanyard.signer.session;

import java.time.Duration;

/** Waits between retries; injected so tests never sleep. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d);
}
