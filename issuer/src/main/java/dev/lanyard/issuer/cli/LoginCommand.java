package dev.lanyard.issuer.cli;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.common.file.InputFiles;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.client.CaPinVerifier;
import dev.lanyard.issuer.client.ClientTls;
import dev.lanyard.issuer.client.FirstContact;
import dev.lanyard.issuer.client.IssuerClient;
import dev.lanyard.issuer.client.Profile;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.crypto.PemFiles;
import dev.lanyard.issuer.layout.HomeDir;
import dev.lanyard.issuer.wire.Durations;
import dev.lanyard.issuer.wire.IdentityResponse;
import dev.lanyard.issuer.wire.Json;
import dev.lanyard.issuer.wire.LoginRequest;
import dev.lanyard.issuer.wire.PasswordRequest;
import dev.lanyard.issuer.wire.StatusResponse;
import java.io.Console;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lanyard login --proxy HOST:PORT --user NAME [--ca-pin sha256:HEX] [--password-file F]}:
 * trusts the issuer's host CA on the pin's word (a SPIFFE CA pin is proven by a signature of that CA
 * over a fresh nonce and this connection; see {@link FirstContact}), or the one trusted before (first
 * use without a pin is announced),
 * sends the password, and stores a short-lived user identity under {@code ~/.lanyard}.
 */
@Command(name = "login", description = "Log in to the issuer and store a short-lived user identity in ~/.lanyard.")
final class LoginCommand implements Callable<Integer> {
    @Option(names = "--proxy", required = true, paramLabel = "HOST:PORT")
    String proxy;

    @Option(names = "--user", required = true, paramLabel = "NAME")
    String user;

    @Option(names = "--ca-pin", paramLabel = "sha256:HEX", description = "The CA pin from lanyard ctl status (the "
            + "SPIFFE CA pin; the issuer proves it holds that CA's key). The Host CA pin works too.")
    String caPin;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Password from FILE (- stdin, env:NAME); "
            + "else LANYARD_PASSWORD, else a prompt.")
    String passwordFile;

    @Option(names = "--setup-token", paramLabel = "TOKEN", description = "Set the password first with this one-time "
            + "token from ctl users add.")
    String setupToken;

    @Option(names = "--otp", paramLabel = "CODE", description = "One-time code from the authenticator app (users "
            + "with TOTP; or LANYARD_OTP).")
    String otp;

    @Option(names = "--ttl", paramLabel = "DURATION", description = "Identity lifetime (default 12h, max 30h).")
    String ttl;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    String format;

    private final Env env;

    LoginCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Long ttlSeconds = ttl == null ? null : Durations.parse(ttl, "--ttl").toSeconds();
        String pin = caPin == null ? null : CaPinVerifier.parsePin(caPin, "--ca-pin");
        String password = password();
        HomeDir home = HomeDir.under(env.home());
        X509Certificate hostCa = trustedHostCa(home, pin);
        IssuerClient client = new IssuerClient(proxy, ClientTls.context(hostCa, null, null, env.random()));
        String userPath = "/v1/users/" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        if (setupToken != null) {
            client.post(userPath + "/password", new PasswordRequest(password, setupToken), StatusResponse.class);
        }
        KeyPair kp = KeyType.EC_P256.generate(env.random());
        IdentityResponse id = client.post("/v1/login",
                new LoginRequest(user, password, otp != null ? otp : env.var("LANYARD_OTP"),
                        PemFiles.publicKey(kp.getPublic()), ttlSeconds), IdentityResponse.class);
        AtomicFiles.privateDirectory(home.root());
        AtomicFiles.write(home.key(), PemFiles.privateKey(kp.getPrivate()), AtomicFiles.PRIVATE);
        AtomicFiles.write(home.certificate(), id.certificate(), AtomicFiles.PUBLIC);
        AtomicFiles.write(home.hostCa(), Certificates.toPem(hostCa), AtomicFiles.PUBLIC);
        AtomicFiles.write(home.profile(), Json.write(new Profile(proxy, user, id.cluster(), id.notAfter())) + "\n",
                AtomicFiles.PUBLIC);
        if (Formats.json(format)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("user", user);
            m.put("cluster", id.cluster());
            m.put("proxy", proxy);
            m.put("not_after", id.notAfter());
            m.put("identity", home.certificate().toString());
            env.out().println(Json.write(m));
        } else {
            env.out().println("Logged in as " + user + " to cluster " + id.cluster() + " at " + proxy
                    + "; identity valid until " + id.notAfter());
        }
        return 0;
    }

    private String password() {
        if (passwordFile != null) {
            return Secrets.read(passwordFile, env, "--password-file");
        }
        if (env.var("LANYARD_PASSWORD") != null) {
            return env.var("LANYARD_PASSWORD");
        }
        Console console = System.console();
        if (console == null || env.in() != System.in) {
            throw new LanyardException(Failure.USAGE, "no password: give --password-file FILE or set LANYARD_PASSWORD");
        }
        char[] pw = console.readPassword("Password for %s: ", user);
        if (pw == null || pw.length == 0) {
            throw new LanyardException(Failure.USAGE, "no password entered");
        }
        return new String(pw);
    }

    /** The issuer's host CA, checked against --ca-pin or the one trusted at an earlier login. */
    private X509Certificate trustedHostCa(HomeDir home, String pin) {
        if (pin != null) {
            return FirstContact.verify(proxy, List.of(pin), env.random(), "use the CA pin that lanyard ctl status "
                    + "prints on the issuer host").hostCa();
        }
        ClientTls.Capture capture = new ClientTls.Capture();
        StatusResponse ping = new IssuerClient(proxy, capture.context(env.random())).get("/v1/ping",
                StatusResponse.class);
        var chain = capture.chain();
        X509Certificate ca = chain.get(chain.size() - 1);
        try {
            chain.get(0).verify(ca.getPublicKey());
        } catch (java.security.GeneralSecurityException e) {
            throw new LanyardException(Failure.UNTRUSTED, "the issuer at " + proxy + " sent a TLS chain that does not "
                    + "verify");
        }
        String seen = Certificates.spkiPin(ca);
        if (Files.exists(home.hostCa())) {
            X509Certificate known = Certificates.parseOne(InputFiles.read(home.hostCa()), home.hostCa().toString());
            if (Certificates.spkiPin(known).equals(seen)) {
                return ca;
            }
            throw new LanyardException(Failure.UNTRUSTED, "the issuer at " + proxy + " presents host CA " + seen
                    + ", but " + home.hostCa() + " trusts " + Certificates.spkiPin(known)
                    + "; if the cluster was re-created, log in with --ca-pin");
        }
        env.err().println("warning: no --ca-pin given; trusting host CA " + seen + " of cluster " + ping.cluster()
                + " on first use");
        return ca;
    }
}
