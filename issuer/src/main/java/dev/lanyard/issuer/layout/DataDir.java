package dev.lanyard.issuer.layout;

import java.nio.file.Path;

/**
 * The issuer's data directory:
 * <pre>
 * issuer.mv.db            embedded database (resources, users, tokens, audit log, serials)
 * passphrase              generated CA key-store passphrase (0600), only if none was given
 * issuer.addr             HOST:PORT the running issuer listens on (written at start)
 * ca/spiffe-ca.p12        SPIFFE CA key and certificate, encrypted (PKCS#12)
 * ca/host-ca.p12          host/user CA key and certificate, encrypted (PKCS#12)
 * ca/spiffe-ca.pem        SPIFFE CA certificate (public)
 * ca/spiffe-ca-next.*     the next SPIFFE CA, only during a rotation
 * ca/host-ca.pem          host/user CA certificate (public)
 * server/tls.pem          the issuer's TLS certificate chain, renewed at every start
 * server/tls_key.pem      its key (0600)
 * admin/identity.pem      local admin client certificate
 * admin/identity_key.pem  its key (0600)
 * </pre>
 */
public record DataDir(Path root) {
    public Path database() {
        return root.resolve("issuer");
    }

    public Path databaseFile() {
        return root.resolve("issuer.mv.db");
    }

    public Path passphrase() {
        return root.resolve("passphrase");
    }

    public Path address() {
        return root.resolve("issuer.addr");
    }

    public Path spiffeCaStore() {
        return root.resolve("ca/spiffe-ca.p12");
    }

    public Path hostCaStore() {
        return root.resolve("ca/host-ca.p12");
    }

    /** The next SPIFFE CA during a rotation (from {@code ctl auth rotate --phase init} until standby or rollback). */
    public Path spiffeCaNextStore() {
        return root.resolve("ca/spiffe-ca-next.p12");
    }

    public Path spiffeCaNextPem() {
        return root.resolve("ca/spiffe-ca-next.pem");
    }

    public Path spiffeCaPem() {
        return root.resolve("ca/spiffe-ca.pem");
    }

    public Path hostCaPem() {
        return root.resolve("ca/host-ca.pem");
    }

    public Path serverCertificate() {
        return root.resolve("server/tls.pem");
    }

    public Path serverKey() {
        return root.resolve("server/tls_key.pem");
    }

    public Path adminCertificate() {
        return root.resolve("admin/identity.pem");
    }

    public Path adminKey() {
        return root.resolve("admin/identity_key.pem");
    }

    public boolean initialized() {
        return java.nio.file.Files.exists(spiffeCaStore()) && java.nio.file.Files.exists(hostCaStore());
    }
}
