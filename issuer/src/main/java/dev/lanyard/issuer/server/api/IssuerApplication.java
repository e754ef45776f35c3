package dev.lanyard.issuer.server.api;

import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.server.Issuer;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The server's run loop: record the address in the data dir ({@code issuer.addr}), announce
 * readiness with one line, then serve until stopped.
 */
public class IssuerApplication implements QuarkusApplication {
    @Override
    public int run(String... args) {
        Issuer issuer = Arc.container().instance(Issuer.class).get();
        var config = ConfigProvider.getConfig();
        String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("127.0.0.1");
        int port = config.getOptionalValue("quarkus.http.ssl-port", Integer.class).orElse(8443);
        var status = issuer.status();
        config.getOptionalValue("lanyard.address", String.class).ifPresent(address -> AtomicFiles.write(
                new DataDir(Path.of(config.getValue("lanyard.data-dir", String.class))).address(), address + "\n",
                AtomicFiles.PUBLIC));
        System.out.println("lanyard issuer ready: cluster " + status.cluster() + ", listening on https://" + host + ":"
                + port + ", CA pin " + status.caPin());
        System.out.flush();
        Quarkus.waitForExit();
        return 0;
    }
}
