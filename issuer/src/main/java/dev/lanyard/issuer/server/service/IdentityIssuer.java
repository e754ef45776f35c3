package dev.lanyard.issuer.server.service;

import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.server.Caller;
import dev.lanyard.issuer.server.ca.CertificateAuthority;
import dev.lanyard.issuer.server.ca.IdentityTemplate;
import dev.lanyard.issuer.server.ca.Serials;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.server.store.Store;
import dev.lanyard.issuer.wire.Durations;
import dev.lanyard.issuer.wire.IdentityResponse;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Issues user and bot identities from the host/user CA, storing the serial and its audit event first. */
public final class IdentityIssuer {
    private final TrustDomain trustDomain;
    private final Supplier<CertificateAuthority> hostCa;
    private final Store store;
    private final Clock clock;
    private final SecureRandom random;

    public IdentityIssuer(TrustDomain trustDomain, Supplier<CertificateAuthority> hostCa, Store store, Clock clock,
                          SecureRandom random) {
        this.trustDomain = trustDomain;
        this.hostCa = hostCa;
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    public IdentityResponse issue(Caller subject, PublicKey key, Duration ttl, String eventType,
                                  Map<String, Object> extra) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        BigInteger serial = Serials.random(random);
        Instant notAfter = now.plus(ttl);
        X509Certificate cert = IdentityTemplate.client(hostCa.get(), trustDomain.name(), subject.type().unit(),
                subject.name(), key, serial, now.minus(Duration.ofMinutes(1)), notAfter);
        Map<String, Object> fields = new LinkedHashMap<>(extra);
        fields.put("serial_number", Serials.hex(serial));
        fields.put("ttl_granted", Durations.format(ttl));
        fields.put("not_after", notAfter.toString());
        store.append(AuditEvent.of(now, eventType, subject.label(), null, fields));
        return new IdentityResponse(subject.name(), trustDomain.name(), Certificates.toPem(cert),
                Certificates.toPem(hostCa.get().certificate()), notAfter.toString());
    }
}
