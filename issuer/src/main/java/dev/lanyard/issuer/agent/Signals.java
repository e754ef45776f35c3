package dev.lanyard.issuer.agent;

import java.io.PrintWriter;
import sun.misc.Signal;

/**
 * SIGUSR1 renews every output now, SIGHUP reloads the configuration, SIGTERM and SIGINT stop the
 * agent cleanly. Uses {@code sun.misc.Signal} (module jdk.unsupported, exported to the class path;
 * no run-time warning on JDK 25). Handlers only set flags on the {@link Wakeup}.
 */
final class Signals {
    private Signals() {
    }

    @SuppressWarnings("sunapi")
    static void install(Wakeup wakeup, PrintWriter log) {
        handle("USR1", wakeup::requestRenewal, log);
        handle("HUP", wakeup::requestReload, log);
        handle("TERM", wakeup::requestStop, log);
        handle("INT", wakeup::requestStop, log);
    }

    @SuppressWarnings("sunapi")
    private static void handle(String name, Runnable action, PrintWriter log) {
        try {
            Signal.handle(new Signal(name), s -> action.run());
        } catch (IllegalArgumentException e) {
            log.println("WARN cannot handle SIG" + name + " here: " + e.getMessage());
        }
    }
}
