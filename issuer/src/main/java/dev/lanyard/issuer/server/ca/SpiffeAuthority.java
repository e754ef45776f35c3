package dev.lanyard.issuer.server.ca;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.server.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SPIFFE CA set and its rotation, which keeps a Roles Anywhere trust anchor (at most two
 * certificates) valid throughout:
 * <ol>
 *   <li>{@code init}: a next CA is created and trusted (bundle = current + next); current still signs.</li>
 *   <li>{@code update}: the next CA signs; both stay trusted.</li>
 *   <li>{@code standby}: the next CA becomes the only CA. Refused (unless forced) until the maximum
 *       SVID TTL has passed since {@code update}, so no SVID of the old CA is still valid.</li>
 *   <li>{@code rollback} (from init or update): the next CA is dropped.</li>
 * </ol>
 * The phase is kept in the store; the next CA in {@code ca/spiffe-ca-next.p12} (encrypted; {@code .bcfks}
 * in FIPS mode).
 */
public final class SpiffeAuthority {
    public static final String META_PHASE = "spiffe_rotation_phase";
    public static final String META_SINCE = "spiffe_rotation_since";

    /** Rotation phases; STANDBY means no rotation is under way. */
    public enum Phase { STANDBY, INIT, UPDATE }

    private final DataDir dir;
    private final char[] passphrase;
    private final Store store;
    private final TrustDomain trustDomain;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration grace;
    private CertificateAuthority current;
    private CertificateAuthority next;
    private Phase phase;
    private Instant since;

    public SpiffeAuthority(DataDir dir, char[] passphrase, Store store, TrustDomain trustDomain, Clock clock,
                           SecureRandom random, Duration grace) {
        this.dir = dir;
        this.passphrase = passphrase.clone();
        this.store = store;
        this.trustDomain = trustDomain;
        this.clock = clock;
        this.random = random;
        this.grace = grace;
        this.current = CaKeyStore.load(dir.spiffeCaStore(), passphrase);
        this.phase = store.meta(META_PHASE).map(p -> Phase.valueOf(p.toUpperCase(Locale.ROOT))).orElse(Phase.STANDBY);
        this.since = store.meta(META_SINCE).map(Instant::parse).orElse(null);
        if (phase != Phase.STANDBY && Files.exists(dir.spiffeCaNextStore())) {
            next = CaKeyStore.load(dir.spiffeCaNextStore(), passphrase);
            if (next.certificate().equals(current.certificate())) {
                finishStandby();
            }
        } else if (phase != Phase.STANDBY) {
            setPhase(Phase.STANDBY);
        }
    }

    /** The CA that signs SVIDs now. */
    public synchronized CertificateAuthority signing() {
        return phase == Phase.UPDATE ? next : current;
    }

    public synchronized CertificateAuthority current() {
        return current;
    }

    public synchronized CertificateAuthority next() {
        return next;
    }

    public synchronized Phase phase() {
        return phase;
    }

    /** Every SPIFFE CA to trust: the current one, and the next one during a rotation (never more than two). */
    public synchronized List<X509Certificate> bundle() {
        List<X509Certificate> out = new ArrayList<>();
        out.add(current.certificate());
        if (next != null) {
            out.add(next.certificate());
        }
        return List.copyOf(out);
    }

    /** The trusted CAs with their keys: the current one, and the next one during a rotation. */
    public synchronized List<CertificateAuthority> trusted() {
        return next == null ? List.of(current) : List.of(current, next);
    }

    /** Moves the rotation: {@code init}, {@code update}, {@code standby} or {@code rollback}. */
    public synchronized void rotate(String command, boolean force) {
        switch (command == null ? "" : command) {
            case "init" -> {
                require(Phase.STANDBY, command);
                CertificateAuthority created = CaTemplates.spiffeCa(trustDomain, keyType(), clock.instant(), random);
                AtomicFiles.write(dir.spiffeCaNextPem(), Certificates.toPem(created.certificate()), AtomicFiles.PUBLIC);
                CaKeyStore.save(dir.spiffeCaNextStore(), created, passphrase);
                next = created;
                setPhase(Phase.INIT);
            }
            case "update" -> {
                require(Phase.INIT, command);
                setPhase(Phase.UPDATE);
            }
            case "standby" -> {
                require(Phase.UPDATE, command);
                Instant safe = since.plus(grace);
                if (!force && clock.instant().isBefore(safe)) {
                    throw new LanyardException(Failure.CONFLICT, "SVIDs signed by the current CA may be valid until "
                            + safe + "; wait until then, or give --force to drop the current CA now");
                }
                CaKeyStore.save(dir.spiffeCaStore(), next, passphrase);
                AtomicFiles.write(dir.spiffeCaPem(), Certificates.toPem(next.certificate()), AtomicFiles.PUBLIC);
                current = next;
                finishStandby();
            }
            case "rollback" -> {
                if (phase == Phase.STANDBY) {
                    throw new LanyardException(Failure.CONFLICT, "no SPIFFE CA rotation is under way");
                }
                deleteNext();
                next = null;
                setPhase(Phase.STANDBY);
            }
            default -> throw new LanyardException(Failure.USAGE, "unknown rotation phase '" + command
                    + "'; use init, update, standby or rollback");
        }
    }

    private void finishStandby() {
        deleteNext();
        next = null;
        setPhase(Phase.STANDBY);
    }

    private void require(Phase expected, String command) {
        if (phase != expected) {
            throw new LanyardException(Failure.CONFLICT, "cannot " + command + ": the SPIFFE CA rotation is in phase "
                    + phase.name().toLowerCase(Locale.ROOT) + " (order: init, update, standby; or rollback)");
        }
    }

    private void setPhase(Phase p) {
        phase = p;
        since = clock.instant();
        store.putMeta(META_PHASE, p.name().toLowerCase(Locale.ROOT));
        store.putMeta(META_SINCE, since.toString());
    }

    private void deleteNext() {
        try {
            Files.deleteIfExists(dir.spiffeCaNextStore());
            Files.deleteIfExists(dir.spiffeCaNextPem());
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, dir.spiffeCaNextStore() + ": cannot delete: " + e.getMessage(), e);
        }
    }

    private KeyType keyType() {
        if (current.key() instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength() > 2048 ? KeyType.RSA_3072 : KeyType.RSA_2048;
        }
        return KeyType.EC_P256;
    }
}
