package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.LanyardException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The bot's loop: renew what is due, sleep until the next renewal or a signal, repeat until stopped.
 * SIGHUP re-reads the configuration through {@code loader} (a broken file is logged and the running
 * configuration kept); SIGUSR1 makes every output due now.
 */
final class Agent {
    private final Supplier<BotConfig> loader;
    private final Renewer renewer;
    private final Wakeup wakeup;
    private final Clock clock;
    private final PrintWriter log;

    Agent(Supplier<BotConfig> loader, Renewer renewer, Wakeup wakeup, Clock clock, PrintWriter log) {
        this.loader = loader;
        this.renewer = renewer;
        this.wakeup = wakeup;
        this.clock = clock;
        this.log = log;
    }

    /** One round for every output; the first failure, if any, is thrown (exit code of its kind). */
    void oneshot(BotConfig config) {
        renewer.configure(config);
        renewer.runDue();
        LanyardException failure = renewer.lastFailure();
        if (failure != null) {
            throw failure;
        }
    }

    void run(BotConfig config) throws InterruptedException {
        renewer.configure(config);
        while (!wakeup.stopping()) {
            Instant next = renewer.runDue();
            Duration wait = Duration.between(clock.instant(), next);
            wakeup.await(wait.isNegative() ? Duration.ZERO : wait);
            if (wakeup.takeReload()) {
                reload();
            }
            if (wakeup.takeRenewal()) {
                log.println("INFO SIGUSR1: renewing every output now");
                log.flush();
                renewer.renewAllNow();
            }
        }
        log.println("INFO stopping; the SVID outputs stay in place");
        log.flush();
    }

    private void reload() {
        try {
            BotConfig fresh = loader.get();
            renewer.configure(fresh);
            log.println("INFO SIGHUP: configuration reloaded (" + fresh.outputs().size() + " outputs)");
        } catch (LanyardException e) {
            log.println("WARN SIGHUP: configuration not reloaded, keeping the running one: " + e.getMessage());
        }
        log.flush();
    }
}
