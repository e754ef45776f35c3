package dev.lanyard.issuer.server.api;

import dev.lanyard.issuer.server.Issuer;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import org.eclipse.microprofile.config.ConfigProvider;

/** The server's run loop: announce readiness with one line, then serve until stopped. */
public class IssuerApplication implements QuarkusApplication {
    @Override
    public int run(String... args) {
        Issuer issuer = Arc.container().instance(Issuer.class).get();
        var config = ConfigProvider.getConfig();
        String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("127.0.0.1");
        int port = config.getOptionalValue("quarkus.http.ssl-port", Integer.class).orElse(8443);
        var status = issuer.status();
        System.out.println("lanyard issuer ready: cluster " + status.cluster() + ", listening on https://" + host + ":"
                + port + ", CA pin " + status.caPin());
        System.out.flush();
        Quarkus.waitForExit();
        return 0;
    }
}
