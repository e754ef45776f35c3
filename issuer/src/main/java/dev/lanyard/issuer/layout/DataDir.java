package dev.lanyard.issuer.layout;

import dev.lanyard.common.crypto.CryptoMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The issuer's data directory:
 * <pre>
 * issuer.mv.db            embedded database (resources, users, tokens, audit log)
 * passphrase              generated CA key-store passphrase (0600), only if none was given
 * issuer.addr             HOST:PORT the running issuer listens on (the bound port; removed at start,
 *                         written again once the server is ready)
 * ca/spiffe-ca.p12        SPIFFE CA key and certificate, encrypted (PKCS#12; ca/spiffe-ca.bcfks in FIPS mode)
 * ca/host-ca.p12          host/user CA key and certificate, encrypted (PKCS#12; ca/host-ca.bcfks in FIPS mode)
 * ca/spiffe-ca.pem        SPIFFE CA certificate (public)
 * ca/spiffe-ca-next.*     the next SPIFFE CA, only during a rotation
 * ca/host-ca.pem          host/user CA certificate (public)
 * server/tls.pem          the issuer's TLS certificate chain, renewed at every start
 * server/tls_key.pem      its key (0600)
 * admin/identity.pem      local admin client certificate
 * admin/identity_key.pem  its key (0600)
 * </pre>
 * The key-store files say which crypto mode the data dir was created in ({@link #mode}): BCFKS
 * stores in FIPS mode, PKCS#12 otherwise. The store paths without a mode argument follow the mode
 * found on disk (default mode for a data dir that is not initialised yet).
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
        return spiffeCaStore(modeOrDefault());
    }

    public Path spiffeCaStore(CryptoMode mode) {
        return store("spiffe-ca", mode);
    }

    public Path hostCaStore() {
        return hostCaStore(modeOrDefault());
    }

    public Path hostCaStore(CryptoMode mode) {
        return store("host-ca", mode);
    }

    /** The next SPIFFE CA during a rotation (from {@code ctl auth rotate --phase init} until standby or rollback). */
    public Path spiffeCaNextStore() {
        return store("spiffe-ca-next", modeOrDefault());
    }

    /**
     * The crypto mode the data dir was initialised in, from its CA key stores: FIPS when BCFKS stores
     * exist, DEFAULT when PKCS#12 stores exist, empty when there are none yet.
     */
    public Optional<CryptoMode> mode() {
        if (Files.exists(store("host-ca", CryptoMode.FIPS)) || Files.exists(store("spiffe-ca", CryptoMode.FIPS))) {
            return Optional.of(CryptoMode.FIPS);
        }
        if (Files.exists(store("host-ca", CryptoMode.DEFAULT)) || Files.exists(store("spiffe-ca", CryptoMode.DEFAULT))) {
            return Optional.of(CryptoMode.DEFAULT);
        }
        return Optional.empty();
    }

    private CryptoMode modeOrDefault() {
        return mode().orElse(CryptoMode.DEFAULT);
    }

    private Path store(String name, CryptoMode mode) {
        return root.resolve("ca/" + name + (mode == CryptoMode.FIPS ? ".bcfks" : ".p12"));
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
        CryptoMode mode = modeOrDefault();
        return Files.exists(spiffeCaStore(mode)) && Files.exists(hostCaStore(mode));
    }
}
