package dev.lanyard.issuer.server;

import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.crypto.CryptoProviders;
import dev.lanyard.issuer.Version;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.server.ca.CaKeyStore;
import dev.lanyard.issuer.server.ca.CaProofs;
import dev.lanyard.issuer.server.ca.CertificateAuthority;
import dev.lanyard.issuer.server.ca.SpiffeAuthority;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.wire.RotateRequest;
import dev.lanyard.issuer.server.policy.Authorizer;
import dev.lanyard.issuer.server.service.EnrollService;
import dev.lanyard.issuer.server.service.IdentityIssuer;
import dev.lanyard.issuer.server.service.LoginService;
import dev.lanyard.issuer.server.service.Passwords;
import dev.lanyard.issuer.server.service.ResourceService;
import dev.lanyard.issuer.server.service.SvidService;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.server.store.JdbcStore;
import dev.lanyard.issuer.server.store.Store;
import dev.lanyard.issuer.wire.BundleResponse;
import dev.lanyard.issuer.wire.CaProofResponse;
import dev.lanyard.issuer.wire.StatusResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A running issuer's state and services, opened from an initialised data dir. Plain Java: the
 * HTTP layer only adapts requests to these services, and tests use it without HTTP.
 */
public final class Issuer implements AutoCloseable {
    /** How an issuer is opened. */
    public record Settings(DataDir dir, char[] passphrase, Clock clock, SecureRandom random, int passwordIterations) {
    }

    private final TrustDomain trustDomain;
    private final Store store;
    private final SpiffeAuthority spiffe;
    private final CertificateAuthority hostCa;
    private final Clock clock;
    private final ResourceService resources;
    private final SvidService svids;
    private final LoginService logins;
    private final EnrollService enroll;
    private final IdentityIssuer identities;
    private final CallerAuthenticator authenticator;
    private final boolean fips;

    private Issuer(Settings s, TrustDomain td, CertificateAuthority hostCa, Store store) {
        this.trustDomain = td;
        this.store = store;
        this.spiffe = new SpiffeAuthority(s.dir(), s.passphrase(), store, td, s.clock(), s.random(),
                SvidService.MAX_TTL);
        this.hostCa = hostCa;
        this.clock = s.clock();
        Authorizer authorizer = new Authorizer();
        Passwords passwords = new Passwords(s.passwordIterations(), s.random());
        this.resources = new ResourceService(store, authorizer, s.clock());
        this.svids = new SvidService(td, spiffe::signing, spiffe::bundle, store, resources, authorizer, s.clock(),
                s.random());
        this.identities = new IdentityIssuer(td, () -> hostCa, store, s.clock(), s.random());
        this.logins = new LoginService(store, resources, passwords, identities, s.clock(), s.random());
        this.enroll = new EnrollService(store, resources, passwords, s.clock(), s.random());
        this.authenticator = new CallerAuthenticator(td, hostCa.certificate(), resources, store, s.clock());
        this.fips = CryptoProviders.active() == CryptoMode.FIPS;
    }

    /**
     * Opens the issuer of an initialised data dir. The process must run in the crypto mode the data dir
     * was created in ({@code CryptoProviders.install} first for FIPS mode).
     */
    public static Issuer open(Settings s) {
        Initializer.requireMode(s.dir(), CryptoProviders.active());
        TrustDomain td = Initializer.cluster(s.dir());
        CertificateAuthority host = CaKeyStore.load(s.dir().hostCaStore(), s.passphrase());
        JdbcStore store = JdbcStore.openH2(s.dir().database());
        try {
            return new Issuer(s, td, host, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public TrustDomain trustDomain() {
        return trustDomain;
    }

    /** The SPIFFE CA certificates to trust: the current CA (and the next one during a rotation). */
    public List<X509Certificate> bundle() {
        return spiffe.bundle();
    }

    /** Moves the SPIFFE CA rotation ({@link SpiffeAuthority}); needs {@code update} on resource {@code ca}. */
    public StatusResponse rotate(Caller caller, RotateRequest req) {
        resources.require(caller, "ca", "update");
        if (!"spiffe".equals(req.type())) {
            throw new LanyardException(Failure.USAGE, "unknown CA type '" + req.type() + "'; use spiffe");
        }
        String before = spiffe.phase().name().toLowerCase(java.util.Locale.ROOT);
        spiffe.rotate(req.phase(), req.force());
        java.util.Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("ca", "spiffe");
        f.put("command", req.phase());
        f.put("from_phase", before);
        f.put("trusted", bundle().stream().map(Certificates::spkiPin).toList());
        store.append(AuditEvent.of(clock.instant(), AuditEvent.CA_ROTATED, caller.label(), null, f));
        return status();
    }

    /** Whether this issuer runs in FIPS mode (BC-FIPS approved-only, BCFKS key stores). */
    public boolean fips() {
        return fips;
    }

    public StatusResponse status() {
        X509Certificate current = spiffe.current().certificate();
        CertificateAuthority next = spiffe.next();
        return new StatusResponse(trustDomain.name(), Version.VALUE, Certificates.spkiPin(current),
                Certificates.spkiPin(hostCa.certificate()), current.getNotAfter().toInstant().toString(),
                spiffe.phase().name().toLowerCase(java.util.Locale.ROOT),
                next == null ? null : Certificates.spkiPin(next.certificate()), fips);
    }

    /**
     * Every trusted SPIFFE CA (current, and next during a rotation) signs the client's nonce bound to
     * the host CA and {@code tlsCertificate}, the certificate this connection was served with.
     */
    public CaProofResponse caProof(String nonce, X509Certificate tlsCertificate) {
        return CaProofs.prove(trustDomain.name(), nonce, hostCa.certificate(), tlsCertificate, spiffe.trusted());
    }

    public BundleResponse bundleResponse() {
        return new BundleResponse(trustDomain.name(), Certificates.toPem(bundle()),
                bundle().stream().map(Certificates::spkiPin).toList());
    }

    public List<AuditEvent> audit(Caller caller, Instant since, String spiffeId, int limit) {
        resources.require(caller, "audit", "list");
        return store.audit(since, spiffeId, limit);
    }

    public ResourceService resources() {
        return resources;
    }

    public SvidService svids() {
        return svids;
    }

    public LoginService logins() {
        return logins;
    }

    public EnrollService enroll() {
        return enroll;
    }

    public IdentityIssuer identities() {
        return identities;
    }

    public CallerAuthenticator authenticator() {
        return authenticator;
    }

    public Store store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        store.close();
    }
}
