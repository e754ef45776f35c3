package dev.lanyard.issuer.server;

import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.crypto.PemFiles;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.server.ca.CertificateAuthority;
import dev.lanyard.issuer.server.ca.IdentityTemplate;
import dev.lanyard.issuer.server.ca.Serials;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Credentials issued from the host/user CA into the data dir: the local admin identity and the
 * issuer's TLS certificate (both renewed at every start, so neither expires under a running issuer
 * that is restarted at least yearly).
 */
public final class ServerCredentials {
    static final Duration LIFETIME = Duration.ofDays(90);

    private ServerCredentials() {
    }

    public static void writeAdmin(DataDir dir, TrustDomain td, CertificateAuthority host, Clock clock,
                                  SecureRandom random) {
        AtomicFiles.privateDirectory(dir.root().resolve("admin"));
        KeyPair kp = KeyType.EC_P256.generate(random);
        Instant now = clock.instant();
        X509Certificate cert = IdentityTemplate.client(host, td.name(), Caller.Type.ADMIN.unit(), "admin",
                kp.getPublic(), Serials.random(random), now.minus(Duration.ofMinutes(1)), now.plus(LIFETIME));
        AtomicFiles.write(dir.adminKey(), PemFiles.privateKey(kp.getPrivate()), AtomicFiles.PRIVATE);
        AtomicFiles.write(dir.adminCertificate(), Certificates.toPem(cert), AtomicFiles.PUBLIC);
    }

    /** Writes the TLS certificate (leaf then host CA) and key for the listen host and extra names. */
    public static void writeServer(DataDir dir, TrustDomain td, CertificateAuthority host, String listenHost,
                                   List<String> extraNames, Clock clock, SecureRandom random) {
        AtomicFiles.privateDirectory(dir.root().resolve("server"));
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        if (listenHost != null && !listenHost.equals("0.0.0.0") && !listenHost.equals("::")) {
            names.add(listenHost);
        }
        names.addAll(extraNames);
        List<String> dns = new ArrayList<>();
        List<InetAddress> ips = new ArrayList<>();
        for (String n : names) {
            if (n.matches("[0-9.]+") || n.contains(":")) {
                ips.add(InetAddress.ofLiteral(n));
            } else {
                dns.add(n);
            }
        }
        KeyPair kp = KeyType.EC_P256.generate(random);
        Instant now = clock.instant();
        X509Certificate cert = IdentityTemplate.server(host, td.name(), dns, ips, kp.getPublic(),
                Serials.random(random), now.minus(Duration.ofMinutes(1)), now.plus(LIFETIME));
        AtomicFiles.write(dir.serverKey(), PemFiles.privateKey(kp.getPrivate()), AtomicFiles.PRIVATE);
        AtomicFiles.write(dir.serverCertificate(), Certificates.toPem(List.of(cert, host.certificate())),
                AtomicFiles.PUBLIC);
    }
}
