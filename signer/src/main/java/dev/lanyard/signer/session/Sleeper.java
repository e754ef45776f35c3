package dev.lanyard.signer.session;

import java.time.Duration;

/** Waits between retries; injected so tests never sleep. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = new Real();

    /** Thread.sleep (a class, not a lambda: lambdas cost start-up time on the one-shot path). */
    final class Real implements Sleeper {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration);
        }
    }
}
