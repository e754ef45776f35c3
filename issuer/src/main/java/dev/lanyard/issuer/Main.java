package dev.lanyard.issuer;

import dev.lanyard.issuer.cli.Cli;
import dev.lanyard.issuer.cli.Env;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The one entry point of {@code lanyard}. Picocli parses first; only {@code issuer start} boots
 * Quarkus (and the HTTP server), so client commands start fast and never open a port.
 */
@QuarkusMain
public final class Main {
    private Main() {
    }

    public static void main(String... args) {
        int code = Cli.run(Env.system(), args);
        System.exit(code);
    }
}
