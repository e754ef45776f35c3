package dev.lanyard.issuer.agent;

import java.time.Duration;

/**
 * How the agent loop waits for its next renewal, and how signals cut the wait short. Requests are
 * flags read (and cleared) by the loop, so a signal that arrives while a round runs is not lost.
 */
final class Wakeup {
    private boolean renewNow;
    private boolean reload;
    private boolean stop;

    synchronized void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (!renewNow && !reload && !stop) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized void requestRenewal() {
        renewNow = true;
        notifyAll();
    }

    synchronized void requestReload() {
        reload = true;
        notifyAll();
    }

    synchronized void requestStop() {
        stop = true;
        notifyAll();
    }

    synchronized boolean takeRenewal() {
        boolean r = renewNow;
        renewNow = false;
        return r;
    }

    synchronized boolean takeReload() {
        boolean r = reload;
        reload = false;
        return r;
    }

    synchronized boolean stopping() {
        return stop;
    }
}
