package dev.lanyard.issuer.server;

import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.server.ca.CaKeyStore;
import dev.lanyard.issuer.server.ca.CaTemplates;
import dev.lanyard.issuer.server.ca.CertificateAuthority;
import dev.lanyard.issuer.server.ca.Passphrase;
import dev.lanyard.issuer.server.store.JdbcStore;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Creates a cluster in a data dir: the SPIFFE CA, the host/user CA (both encrypted at rest), the
 * database with the cluster name, and (through {@link ServerCredentials}) the admin identity.
 * Idempotent: an initialised data dir is only checked against the requested cluster name.
 */
public final class Initializer {
    public static final String META_CLUSTER = "cluster";
    public static final String META_KEY_TYPE = "ca_key_type";

    private Initializer() {
    }

    /** The outcome: the cluster and whether this call created it. */
    public record Result(TrustDomain cluster, boolean created, String caPin, String hostCaPin,
                         CertificateAuthority hostCa, java.time.Instant caNotAfter) {
    }

    /** {@link #init(DataDir, TrustDomain, KeyType, Passphrase, CryptoMode, Clock, SecureRandom)} in default mode. */
    public static Result init(DataDir dir, TrustDomain requested, KeyType keyType, Passphrase passphrase,
                              Clock clock, SecureRandom random) {
        return init(dir, requested, keyType, passphrase, CryptoMode.DEFAULT, clock, random);
    }

    /**
     * Creates the cluster in {@code mode} (FIPS: BCFKS key stores; call it after
     * {@code CryptoProviders.install}, with the provider's random), or checks an existing one, which
     * must have been created in the same mode.
     */
    public static Result init(DataDir dir, TrustDomain requested, KeyType keyType, Passphrase passphrase,
                              CryptoMode mode, Clock clock, SecureRandom random) {
        requireMode(dir, mode);
        if (dir.initialized()) {
            TrustDomain existing = cluster(dir);
            if (requested != null && !existing.equals(requested)) {
                throw new LanyardException(Failure.CONFLICT, dir.root() + " already holds cluster " + existing.name()
                        + ", not " + requested.name() + "; use another --data-dir");
            }
            CertificateAuthority spiffe = CaKeyStore.load(dir.spiffeCaStore(), passphrase.value());
            CertificateAuthority host = CaKeyStore.load(dir.hostCaStore(), passphrase.value());
            ServerCredentials.writeAdmin(dir, existing, host, clock, random);
            return new Result(existing, false, Certificates.spkiPin(spiffe.certificate()),
                    Certificates.spkiPin(host.certificate()), host, spiffe.certificate().getNotAfter().toInstant());
        }
        if (requested == null) {
            throw new LanyardException(Failure.USAGE, dir.root() + " is not initialised: give --cluster NAME "
                    + "(the trust domain, e.g. example.teleport.sh)");
        }
        if (mode == CryptoMode.FIPS && passphrase.value().length < CaKeyStore.MIN_FIPS_PASSPHRASE) {
            throw new LanyardException(Failure.INVALID_INPUT, "FIPS mode needs a CA passphrase of at least "
                    + CaKeyStore.MIN_FIPS_PASSPHRASE + " characters (112 bits); give a longer one with "
                    + Passphrase.ENV + " or --ca-passphrase-file");
        }
        AtomicFiles.privateDirectory(dir.root());
        AtomicFiles.privateDirectory(dir.root().resolve("ca"));
        try (JdbcStore store = JdbcStore.openH2(dir.database())) {
            store.putMeta(META_CLUSTER, requested.name());
            store.putMeta(META_KEY_TYPE, keyType.label());
        }
        CertificateAuthority spiffe = CaTemplates.spiffeCa(requested, keyType, clock.instant(), random);
        CertificateAuthority host = CaTemplates.hostCa(requested, keyType, clock.instant(), random);
        AtomicFiles.write(dir.spiffeCaPem(), Certificates.toPem(spiffe.certificate()), AtomicFiles.PUBLIC);
        AtomicFiles.write(dir.hostCaPem(), Certificates.toPem(host.certificate()), AtomicFiles.PUBLIC);
        CaKeyStore.save(dir.hostCaStore(mode), host, passphrase.value());
        // the SPIFFE CA store is written last: its presence marks the data dir as initialised
        CaKeyStore.save(dir.spiffeCaStore(mode), spiffe, passphrase.value());
        ServerCredentials.writeAdmin(dir, requested, host, clock, random);
        return new Result(requested, true, Certificates.spkiPin(spiffe.certificate()),
                Certificates.spkiPin(host.certificate()), host, spiffe.certificate().getNotAfter().toInstant());
    }

    /**
     * Refuses a data dir created in the other crypto mode. Not migrated: a FIPS issuer must not load keys
     * from a PKCS#12 store, and a FIPS cluster's keys are not moved out of BCFKS by a restart.
     */
    public static void requireMode(DataDir dir, CryptoMode mode) {
        CryptoMode existing = dir.mode().orElse(mode);
        if (existing == mode) {
            return;
        }
        if (existing == CryptoMode.FIPS) {
            throw new LanyardException(Failure.CONFLICT, dir.root() + " was created in FIPS mode (BCFKS key stores); "
                    + "start it with --fips (or LANYARD_FIPS=1, or fips: true in the config)");
        }
        throw new LanyardException(Failure.CONFLICT, dir.root() + " was created without FIPS mode (PKCS#12 key "
                + "stores) and cannot run with --fips; create a FIPS cluster in a new data dir with lanyard issuer "
                + "init --fips");
    }

    /** The cluster name of an initialised data dir, from its SPIFFE CA certificate's URI SAN. */
    public static TrustDomain cluster(DataDir dir) {
        var cert = Certificates.parseOne(dev.lanyard.common.file.InputFiles.read(dir.spiffeCaPem()),
                dir.spiffeCaPem().toString());
        try {
            for (var san : cert.getSubjectAlternativeNames()) {
                if (((Integer) san.get(0)) == 6) {
                    return dev.lanyard.common.spiffe.SpiffeId.parse((String) san.get(1)).trustDomain();
                }
            }
        } catch (java.security.cert.CertificateParsingException e) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, dir.spiffeCaPem() + ": unreadable SANs", e);
        }
        throw new LanyardException(Failure.KEY_OR_CERTIFICATE, dir.spiffeCaPem() + ": no SPIFFE URI SAN");
    }
}
