package dev.lanyard.issuer.cli.issuer;

import dev.lanyard.common.crypto.CryptoContext;
import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.crypto.CryptoProviders;
import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.crypto.FipsTls;
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
        CryptoContext crypto = install(r.mode());
        Initializer.Result result = run(env, r, crypto);
        report(env, r, result, format);
        return 0;
    }

    /**
     * Selects the crypto providers for the process before any key is touched: in FIPS mode BC-FIPS
     * (approved-only) first, then BCJSSE ahead of SunJSSE.
     */
    static CryptoContext install(CryptoMode mode) {
        CryptoContext crypto = CryptoProviders.install(mode);
        FipsTls.install(crypto);
        return crypto;
    }

    /** Initialises (or checks) the data dir with the mode's random: BC-FIPS's DRBG in FIPS mode. */
    static Initializer.Result run(Env env, ServerOptions.Resolved r, CryptoContext crypto) {
        Initializer.requireMode(r.dir(), crypto.mode());
        Passphrase passphrase = Passphrase.resolve(r.passphraseFile(), env.vars(), r.dir(), crypto.random(),
                !r.dir().initialized());
        Initializer.Result result = Initializer.init(r.dir(), r.cluster(), r.keyType(), passphrase, crypto.mode(),
                env.clock(), crypto.random());
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
            m.put("fips", r.mode() == CryptoMode.FIPS);
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
        if (r.mode() == CryptoMode.FIPS) {
            env.out().println("FIPS mode: yes (BC-FIPS approved-only, BCFKS key stores)");
        }
    }
}
