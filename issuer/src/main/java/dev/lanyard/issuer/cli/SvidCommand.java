package dev.lanyard.issuer.cli;

import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.crypto.PemFiles;
import dev.lanyard.issuer.wire.Durations;
import dev.lanyard.issuer.wire.Json;
import dev.lanyard.issuer.wire.SvidRequest;
import dev.lanyard.issuer.wire.SvidResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "svid", description = "X509-SVIDs for humans.", subcommands = SvidCommand.Issue.class)
final class SvidCommand {

    /**
     * {@code lanyard svid issue [--output DIR] [--svid-ttl 8h] [--dns-san ..] [--ip-san ..] [--key-type ec|rsa] PATH}:
     * the key is generated here and never sent; {@code svid_key.pem} (PKCS#8, 0600), {@code svid.pem}
     * and {@code svid_bundle.pem} are each written atomically, key first.
     */
    @Command(name = "issue", description = "Issue an X509-SVID for PATH into DIR (svid.pem, svid_key.pem, "
            + "svid_bundle.pem).")
    static final class Issue implements Callable<Integer> {
        static final String CERT = "svid.pem";
        static final String KEY = "svid_key.pem";
        static final String BUNDLE = "svid_bundle.pem";

        @Mixin
        Target target;

        @Parameters(index = "0", paramLabel = "PATH", description = "SPIFFE path, e.g. /svc/example-service")
        String path;

        @Option(names = "--output", paramLabel = "DIR", defaultValue = ".", description = "Output directory "
                + "(default: current directory).")
        Path output;

        @Option(names = "--svid-ttl", paramLabel = "DURATION", defaultValue = "1h", description = "Default 1h, max 24h.")
        String ttl;

        @Option(names = "--dns-san", paramLabel = "NAME", description = "Extra DNS SAN (repeatable).")
        List<String> dnsSans = new ArrayList<>();

        @Option(names = "--ip-san", paramLabel = "IP", description = "Extra IP SAN (repeatable).")
        List<String> ipSans = new ArrayList<>();

        @Option(names = "--key-type", defaultValue = "ec", description = "ec (P-256) or rsa (2048).")
        String keyType;

        @Option(names = "--format", defaultValue = "text", description = "text or json")
        String format;

        private final Env env;

        Issue(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            boolean json = Formats.json(format);
            long seconds = Durations.parse(ttl, "--svid-ttl").toSeconds();
            KeyType type = KeyType.parse(keyType);
            var client = target.connect(env);
            KeyPair kp = type.generate(env.random());
            SvidResponse r = client.post("/v1/svid", new SvidRequest(path, PemFiles.publicKey(kp.getPublic()), null,
                    dnsSans, ipSans, seconds), SvidResponse.class);
            AtomicFiles.write(output.resolve(KEY), PemFiles.privateKey(kp.getPrivate()), AtomicFiles.PRIVATE);
            AtomicFiles.write(output.resolve(CERT), r.certificate(), AtomicFiles.PUBLIC);
            AtomicFiles.write(output.resolve(BUNDLE), r.bundle(), AtomicFiles.PUBLIC);
            if (r.capped()) {
                env.err().println("warning: TTL capped: " + r.capReason());
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("spiffe_id", r.spiffeId());
                m.put("serial", r.serial());
                m.put("not_after", r.notAfter());
                m.put("ttl_seconds", r.ttlSeconds());
                m.put("capped", r.capped());
                if (r.capReason() != null) {
                    m.put("cap_reason", r.capReason());
                }
                m.put("certificate", output.resolve(CERT).toString());
                m.put("private_key", output.resolve(KEY).toString());
                m.put("bundle", output.resolve(BUNDLE).toString());
                env.out().println(Json.write(m));
                return 0;
            }
            env.out().println("SPIFFE ID: " + r.spiffeId());
            env.out().println("Serial:    " + r.serial());
            env.out().println("Expires:   " + r.notAfter() + " (TTL " + Durations.format(java.time.Duration.ofSeconds(
                    r.ttlSeconds())) + (r.capped() ? ", capped from " + Durations.format(java.time.Duration.ofSeconds(
                    r.requestedTtlSeconds())) : "") + ")");
            env.out().println("Files:     " + output.resolve(CERT) + ", " + output.resolve(KEY) + ", "
                    + output.resolve(BUNDLE));
            return 0;
        }
    }
}
