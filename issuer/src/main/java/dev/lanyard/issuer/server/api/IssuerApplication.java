package dev.lanyard.issuer.server.api;

import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.server.Issuer;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The server's run loop: record the address in the data dir ({@code issuer.addr}), announce
 * readiness with one line, then serve until stopped, and remove the address on the way out. Both carry the port actually bound, so
 * {@code --listen HOST:0} (any free port) works for clients that read either.
 */
public class IssuerApplication implements QuarkusApplication {
    @Override
    public int run(String... args) {
        System.out.println(announce(Arc.container().instance(Issuer.class).get(), ConfigProvider.getConfig()));
        System.out.flush();
        Quarkus.waitForExit();
        forgetAddress(ConfigProvider.getConfig());
        return 0;
    }

    /** A stopped issuer leaves no {@code issuer.addr} behind for scripts to mistake for a running one. */
    private static void forgetAddress(Config config) {
        if (config.getOptionalValue("lanyard.address", String.class).isEmpty()) {
            return;
        }
        try {
            Files.deleteIfExists(new DataDir(Path.of(config.getValue("lanyard.data-dir", String.class))).address());
        } catch (IOException e) {
            System.err.println("warning: cannot remove issuer.addr: " + e.getMessage());
        }
    }

    /**
     * Writes {@code issuer.addr} (when {@code lanyard.address} is configured) with the port the HTTPS
     * server is bound to, and returns the ready line that says the same.
     */
    public static String announce(Issuer issuer, Config config) {
        String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("127.0.0.1");
        int port = boundPort(config);
        var status = issuer.status();
        config.getOptionalValue("lanyard.address", String.class).ifPresent(address -> AtomicFiles.write(
                new DataDir(Path.of(config.getValue("lanyard.data-dir", String.class))).address(),
                withPort(address, port) + "\n", AtomicFiles.PUBLIC));
        return "lanyard issuer ready: cluster " + status.cluster() + ", listening on https://"
                + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + ", CA pin " + status.caPin()
                + (status.fips() ? ", FIPS mode" : "");
    }

    /** The HTTPS port the server is bound to (the configured one, or the one picked for port 0). */
    private static int boundPort(Config config) {
        var registry = Arc.container().instance(ValueRegistry.class);
        if (registry.isAvailable() && registry.get().containsKey(HttpServer.HTTPS_PORT)) {
            return registry.get().get(HttpServer.HTTPS_PORT);
        }
        return config.getOptionalValue("quarkus.http.ssl-port", Integer.class).orElse(8443);
    }

    /** {@code HOST:PORT} with the port replaced by the bound one. */
    static String withPort(String address, int port) {
        int colon = address.lastIndexOf(':');
        return (colon < 0 ? address : address.substring(0, colon)) + ":" + port;
    }
}
