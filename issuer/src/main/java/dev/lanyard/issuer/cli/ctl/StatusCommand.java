package dev.lanyard.issuer.cli.ctl;

import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.cli.Formats;
import dev.lanyard.issuer.cli.Target;
import dev.lanyard.issuer.wire.Json;
import dev.lanyard.issuer.wire.StatusResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ctl status}: cluster, version, SPIFFE CA pin, host CA pin and FIPS mode. */
@Command(name = "status", description = "Show the cluster name, version and CA pins.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    String format;

    private final Env env;

    StatusCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        StatusResponse s = target.connect(env).get("/v1/status", StatusResponse.class);
        if (Formats.json(format)) {
            env.out().println(Json.write(s));
        } else {
            env.out().println("Cluster:     " + s.cluster());
            env.out().println("Version:     " + s.version());
            env.out().println("CA pin:      " + s.caPin());
            env.out().println("Host CA pin: " + s.hostCaPin());
            env.out().println("FIPS mode:   " + (s.fips() ? "yes" : "no"));
            if (s.nextCaPin() != null) {
                env.out().println("CA rotation: " + s.rotationPhase() + " (next CA pin " + s.nextCaPin() + ")");
            }
        }
        return 0;
    }
}
