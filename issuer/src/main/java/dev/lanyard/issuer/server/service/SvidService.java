package dev.lanyard.issuer.server.service;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.spiffe.SpiffeId;
import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.issuer.server.Caller;
import dev.lanyard.issuer.server.ca.CertificateAuthority;
import dev.lanyard.issuer.server.ca.Serials;
import dev.lanyard.issuer.server.ca.SvidTemplate;
import dev.lanyard.issuer.server.policy.Authorizer;
import dev.lanyard.issuer.server.policy.Decision;
import dev.lanyard.issuer.server.policy.SvidAsk;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.server.store.Store;
import dev.lanyard.issuer.wire.Durations;
import dev.lanyard.issuer.wire.SvidRequest;
import dev.lanyard.issuer.wire.SvidResponse;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Issues X509-SVIDs: validate the request, authorize it against the caller's roles, sign (through the
 * signing CA's {@link SvidTemplate}), commit the {@code spiffe.svid.issued} event (which carries the
 * serial), and only then answer. Every refusal is stored as {@code spiffe.svid.denied} with its reason.
 */
public final class SvidService {
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final Duration MAX_TTL = Duration.ofHours(24);
    static final Duration BACKDATE = Duration.ofMinutes(1);


    private final TrustDomain trustDomain;
    private final Supplier<CertificateAuthority> ca;
    private final Supplier<List<X509Certificate>> bundle;
    private final Store store;
    private final ResourceService resources;
    private final Authorizer authorizer;
    private final Clock clock;
    private final SecureRandom random;
    private volatile BundlePem bundlePem = new BundlePem(List.of(), "");
    private volatile SvidTemplate template;

    /** The bundle last answered and its PEM (the bundle changes only with a CA rotation). */
    private record BundlePem(List<X509Certificate> certificates, String pem) {
    }

    public SvidService(TrustDomain trustDomain, Supplier<CertificateAuthority> ca,
                       Supplier<List<X509Certificate>> bundle, Store store, ResourceService resources,
                       Authorizer authorizer, Clock clock, SecureRandom random) {
        this.trustDomain = trustDomain;
        this.ca = ca;
        this.bundle = bundle;
        this.store = store;
        this.resources = resources;
        this.authorizer = authorizer;
        this.clock = clock;
        this.random = random;
    }

    public SvidResponse issue(Caller caller, SvidRequest req) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("svid_type", "x509");
        fields.put("dns_sans", capped(req.dnsSans()));
        fields.put("ip_sans", capped(req.ipSans()));
        String attempted = req.spiffePath() == null ? null
                : req.spiffePath().startsWith("spiffe://") ? req.spiffePath()
                : trustDomain.idString() + req.spiffePath();
        if (attempted != null && attempted.length() > 256) {
            attempted = attempted.substring(0, 256) + "...";
        }
        try {
            SpiffeId id = SvidRequestReader.spiffeId(trustDomain, req.spiffePath());
            attempted = id.toString();
            List<String> dns = SvidRequestReader.dnsSans(req.dnsSans());
            List<InetAddress> ips = SvidRequestReader.ipSans(req.ipSans());
            Duration requested = ttl(req.ttlSeconds());
            fields.put("ttl_requested", Durations.format(requested));
            PublicKey key = SvidRequestReader.key(req.publicKey(), req.csr());
            Decision decision = authorizer.svid(resources.rolesOf(caller), new SvidAsk(id.path(), dns, ips));
            if (!decision.allowed()) {
                throw new LanyardException(Failure.DENIED, caller.label() + " may not obtain " + id + ": "
                        + decision.reason());
            }
            Duration granted = requested.compareTo(MAX_TTL) > 0 ? MAX_TTL : requested;
            boolean capped = !granted.equals(requested);
            BigInteger serial = Serials.random(random);
            Instant notAfter = now.plus(granted);
            byte[] cert = template().issue(id, key, dns, ips, serial, now.minus(BACKDATE), notAfter);
            String serialHex = Serials.hex(serial);
            fields.put("ttl_granted", Durations.format(granted));
            fields.put("serial_number", serialHex);
            fields.put("not_after", notAfter.toString());
            fields.put("reason", decision.reason());
            String capReason = null;
            if (capped) {
                capReason = "requested TTL " + Durations.format(requested) + " exceeds the maximum of "
                        + Durations.format(MAX_TTL) + "; granted " + Durations.format(granted);
                fields.put("ttl_capped", capReason);
            }
            store.append(AuditEvent.of(now, AuditEvent.SVID_ISSUED, caller.label(), id.toString(), fields));
            return new SvidResponse(id.toString(), serialHex, Pem.encode("CERTIFICATE", cert),
                    bundlePem(), notAfter.toString(), granted.toSeconds(), requested.toSeconds(),
                    capped, capReason);
        } catch (LanyardException e) {
            fields.put("reason", e.getMessage());
            fields.put("code", e.failure().name());
            store.append(AuditEvent.of(now, AuditEvent.SVID_DENIED, caller.label(), attempted, fields));
            throw e;
        }
    }

    /** The SVID template of the CA that signs now (prepared again only when the CA changes). */
    private SvidTemplate template() {
        CertificateAuthority signing = ca.get();
        SvidTemplate last = template;
        if (last == null || last.ca() != signing) {
            last = SvidTemplate.of(signing);
            template = last;
        }
        return last;
    }

    private String bundlePem() {
        List<X509Certificate> now = bundle.get();
        BundlePem last = bundlePem;
        if (!last.certificates().equals(now)) {
            last = new BundlePem(now, Certificates.toPem(now));
            bundlePem = last;
        }
        return last.pem();
    }

    /** Request values as audited: at most 32 entries of at most 256 characters (huge inputs stay bounded). */
    private static List<String> capped(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().limit(SvidRequestReader.MAX_SANS)
                .map(v -> v == null ? "" : v.length() > 256 ? v.substring(0, 256) + "..." : v).toList();
    }

    static Duration ttl(Long seconds) {
        if (seconds == null) {
            return DEFAULT_TTL;
        }
        if (seconds <= 0) {
            throw new LanyardException(Failure.INVALID_INPUT, "TTL must be positive");
        }
        if (seconds > Duration.ofDays(3650).toSeconds()) {
            throw new LanyardException(Failure.INVALID_INPUT, "TTL of " + seconds + "s is absurd; the maximum is "
                    + Durations.format(MAX_TTL));
        }
        return Duration.ofSeconds(seconds);
    }
}
