package dev.lanyard.issuer.cli;

import dev.lanyard.issuer.server.api.IssuerApplication;
import io.quarkus.runtime.Quarkus;

/** Boots the HTTP server once {@code issuer start} has prepared the data dir and configuration. */
@FunctionalInterface
public interface ServerLauncher {
    ServerLauncher QUARKUS = () -> {
        Quarkus.run(IssuerApplication.class);
        return 0;
    };

    /** Runs the server until it is stopped and returns the exit code. */
    int launch();
}
