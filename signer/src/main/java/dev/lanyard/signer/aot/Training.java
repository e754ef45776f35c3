package dev.lanyard.signer.aot;

import dev.lanyard.signer.cli.SignerCli;
import dev.lanyard.signer.cli.SignerContext;
import dev.lanyard.signer.cli.UtcClock;
import dev.lanyard.signer.session.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The AOT training run (native/build-aot.sh): the same JVM flags and class path as the launcher,
 * this main instead of {@code cli.Main}, running the one-shot paths in-process against a real
 * endpoint so their classes are loaded, linked and profiled into the cache: cache miss and hit with
 * EC and RSA keys, with and without intermediates, an error, and optionally {@code --fips}.
 *
 * <pre>Training ENDPOINT DIR [--fips]</pre> DIR holds ec.pem/ec.key, rsa.pem/rsa.key and optionally
 * chain-leaf.pem/chain-leaf.key/chain.pem, issued by the trust anchor the endpoint trusts.
 */
public final class Training {
    static final String TA = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/11111111-2222-3333-4444-555555555555";
    static final String PROFILE = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/66666666-7777-8888-9999-000000000000";
    static final String ROLE = "arn:aws:iam::123456789012:role/example-service";

    private Training() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Training ENDPOINT DIR [--fips]");
            System.exit(2);
        }
        String endpoint = args[0];
        Path dir = Path.of(args[1]);
        boolean fips = args.length > 2 && args[2].equals("--fips");
        Path cache = Files.createTempDirectory("lanyard-aot-cache");
        int failures = 0;
        for (int round = 0; round < 3; round++) {
            for (String kind : List.of("ec", "rsa")) {
                failures += expect(0, run(args(endpoint, dir, kind, "--cache-dir", cache.resolve("r" + round).toString())));
                failures += expect(0, run(args(endpoint, dir, kind, "--cache-dir", cache.resolve("r" + round).toString())));
            }
            if (Files.exists(dir.resolve("chain.pem"))) {
                failures += expect(0, run(args(endpoint, dir, "chain-leaf", "--no-cache", "--intermediates",
                        dir.resolve("chain.pem").toString())));
            }
            failures += expect(3, run(args(endpoint, dir, "ec", "--no-cache", "--profile-arn", "arn:aws:nope")));
            failures += expect(0, run("version"));
            if (fips) {
                failures += expect(0, run(args(endpoint, dir, "ec", "--no-cache", "--fips")));
            }
        }
        System.out.println(failures == 0 ? "training: ok" : "training: " + failures + " unexpected results");
        System.exit(failures == 0 ? 0 : 1);
    }

    static String[] args(String endpoint, Path dir, String kind, String... extra) {
        List<String> a = new ArrayList<>(List.of("credential-process",
                "--certificate", dir.resolve(kind + ".pem").toString(), "--private-key", dir.resolve(kind + ".key").toString(),
                "--trust-anchor-arn", TA, "--profile-arn", PROFILE, "--role-arn", ROLE, "--endpoint", endpoint));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    static String run(String... args) {
        StringWriter err = new StringWriter();
        SignerContext ctx = new SignerContext(Map.copyOf(System.getenv()), new ByteArrayInputStream(new byte[0]),
                OutputStream.nullOutputStream(), new PrintWriter(OutputStream.nullOutputStream()), new PrintWriter(err),
                new UtcClock(), Sleeper.REAL);
        int code = SignerCli.run(ctx, args);
        return code + " " + err;
    }

    static int expect(int code, String result) {
        if (result.startsWith(code + " ")) {
            return 0;
        }
        System.err.println("training: expected exit " + code + ", got " + result.strip());
        return 1;
    }
}
