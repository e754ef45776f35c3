package dev.lanyard.issuer.client;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.InputFiles;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.PrivateKeys;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.layout.HomeDir;
import dev.lanyard.issuer.wire.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A client identity and where it talks to: the local admin identity of a data dir (address from
 * {@code issuer.addr}), or the logged-in user of {@code ~/.lanyard}.
 */
public record Credentials(String who, String address, PrivateKey key, X509Certificate certificate,
                          X509Certificate hostCa) {

    public static Credentials admin(DataDir dir, String proxyOverride) {
        if (!Files.exists(dir.adminCertificate())) {
            throw new LanyardException(Failure.FILE, dir.root() + ": no admin identity here; is this an issuer data "
                    + "dir? (run lanyard issuer init)");
        }
        String address = proxyOverride;
        if (address == null) {
            if (!Files.exists(dir.address())) {
                throw new LanyardException(Failure.UNAVAILABLE, dir.address() + " is missing: no issuer is running on this "
                        + "data dir, or it is still starting (run lanyard issuer start), or give --proxy HOST:PORT");
            }
            address = new String(InputFiles.read(dir.address()), StandardCharsets.UTF_8).strip();
        }
        return new Credentials("local admin", address,
                PrivateKeys.parse(InputFiles.read(dir.adminKey()), dir.adminKey().toString()),
                Certificates.parseOne(InputFiles.read(dir.adminCertificate()), dir.adminCertificate().toString()),
                Certificates.parseOne(InputFiles.read(dir.hostCaPem()), dir.hostCaPem().toString()));
    }

    public static Credentials user(HomeDir home, String proxyOverride, Instant now) {
        if (!Files.exists(home.profile())) {
            throw new LanyardException(Failure.USAGE, "not logged in: run lanyard login --proxy HOST:PORT --user NAME "
                    + "(or, on the issuer host, give --data-dir DIR)");
        }
        Profile p = Json.read(new String(InputFiles.read(home.profile()), StandardCharsets.UTF_8), Profile.class,
                home.profile().toString());
        X509Certificate cert = Certificates.parseOne(InputFiles.read(home.certificate()), home.certificate().toString());
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            throw new LanyardException(Failure.UNTRUSTED, "your login as " + p.user() + " expired at "
                    + cert.getNotAfter().toInstant() + "; run lanyard login again");
        }
        return new Credentials("user " + p.user(), proxyOverride != null ? proxyOverride : p.proxy(),
                PrivateKeys.parse(InputFiles.read(home.key()), home.key().toString()), cert,
                Certificates.parseOne(InputFiles.read(home.hostCa()), home.hostCa().toString()));
    }

    public IssuerClient client(SecureRandom random) {
        return new IssuerClient(address, ClientTls.context(hostCa, key, certificate, random));
    }
}
