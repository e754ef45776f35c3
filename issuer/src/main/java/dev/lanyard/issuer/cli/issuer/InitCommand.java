package dev.lanyard.issuer.cli.issuer;

import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.server.Initializer;
import dev.lanyard.issuer.server.ca.Passphrase;
import dev.lanyard.issuer.wire.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lanyard issuer init}: create the CAs and the local admin identity, print the CA pin. */
@Command(name = "init", description = "Create the SPIFFE CA, the host/user CA and the local admin identity.")
final class InitCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    String format;

    private final Env env;

    InitCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ServerOptions.Resolved r = options.resolve(env, false);
        Initializer.Result result = run(env, r);
        report(env, r, result, format);
        return 0;
    }

    static Initializer.Result run(Env env, ServerOptions.Resolved r) {
        Passphrase passphrase = Passphrase.resolve(r.passphraseFile(), env.vars(), r.dir(), env.random(),
                !r.dir().initialized());
        Initializer.Result result = Initializer.init(r.dir(), r.cluster(), r.keyType(), passphrase, env.clock(),
                env.random());
        if (passphrase.generated() != null) {
            env.err().println("note: generated a CA passphrase into " + passphrase.generated() + " (0600); keep it "
                    + "safe, and pass it with LANYARD_CA_PASSPHRASE or --ca-passphrase-file if you move it");
        }
        return result;
    }

    static void report(Env env, ServerOptions.Resolved r, Initializer.Result result, String format) {
        if ("json".equals(format)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cluster", result.cluster().name());
            m.put("created", result.created());
            m.put("ca_pin", result.caPin());
            m.put("host_ca_pin", result.hostCaPin());
            m.put("data_dir", r.dir().root().toString());
            m.put("admin_identity", r.dir().adminCertificate().toString());
            env.out().println(Json.write(m));
            return;
        }
        env.out().println((result.created() ? "Initialized" : "Already initialized:") + " cluster "
                + result.cluster().name() + " in " + r.dir().root());
        env.out().println("CA pin: " + result.caPin());
        env.out().println("Host CA pin: " + result.hostCaPin());
        env.out().println("Admin identity: " + r.dir().adminCertificate());
    }
}
