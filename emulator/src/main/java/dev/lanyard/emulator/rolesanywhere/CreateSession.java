package dev.lanyard.emulator.rolesanywhere;

import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.CertificateChain;
import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.Location;
import dev.lanyard.emulator.api.RawRequest;
import dev.lanyard.emulator.auth.X509Verifier;
import dev.lanyard.emulator.store.Profile;
import dev.lanyard.emulator.store.Registry;
import dev.lanyard.emulator.store.Role;
import dev.lanyard.emulator.store.Session;
import dev.lanyard.emulator.sts.SessionIssuer;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** CreateSession: the checks of spec §5.2 in order, then credentials. Every outcome is audited. */
public final class CreateSession {
    private final Registry registry;
    private final Location location;
    private final Clock clock;
    private final Duration skew;
    private final SessionIssuer issuer;
    private final AuditLog audit;

    public CreateSession(Registry registry, Location location, Clock clock, Duration skew, SessionIssuer issuer, AuditLog audit) {
        this.registry = registry;
        this.location = location;
        this.clock = clock;
        this.skew = skew;
        this.issuer = issuer;
        this.audit = audit;
    }

    /** The issued session and what the response reports about it. */
    public record Outcome(Session session, String subjectArn, String sourceIdentity, int packedPolicySize) {
    }

    public Outcome create(RawRequest req) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate leaf = null;
        String roleArn = null;
        try {
            SessionRequest p = SessionRequest.parse(req);
            roleArn = p.roleArn();
            ResourceCheck.Resolved r = ResourceCheck.resolve(p, registry, location);
            int duration = parameters(p, r.profile());
            X509Verifier.Verified v = X509Verifier.verify(req, location.region(), now, skew);
            leaf = v.leaf();
            LeafRules.check(leaf, now);
            CertificateChain.Path path = ChainCheck.build(leaf, v.chain(), r.trustAnchor(), now);
            ChainCheck.revocation(path, registry.snapshot().crls().stream()
                    .filter(c -> c.trustAnchorId().equals(r.trustAnchor().id())).toList());
            keySize(leaf);
            Role role = r.role();
            if (duration > role.maxSessionDuration()) {
                throw AwsError.validation("durationSeconds " + duration + " exceeds the MaxSessionDuration "
                        + role.maxSessionDuration() + " of role " + role.name());
            }
            PrincipalTags.Result tags = PrincipalTags.of(leaf, r.profile().attributeMappings());
            String sourceIdentity = SourceIdentity.of(leaf);
            RoleAssumption.check(role, r.trustAnchor(), location, tags, sourceIdentity);
            String sessionName = p.roleSessionName() != null ? p.roleSessionName() : SourceIdentity.defaultSessionName(leaf);
            Session s = issuer.issue(role, p.roleArn(), sessionName, duration, sourceIdentity, now);
            String subjectId = UUID.nameUUIDFromBytes(leaf.getSubjectX500Principal().getEncoded()).toString();
            audit.record(now, leaf, roleArn, true, null, "session " + sessionName + " for " + duration + "s", s.accessKeyId());
            return new Outcome(s, location.subjectArn(subjectId), sourceIdentity, packedSize(tags, r.profile()));
        } catch (LanyardException e) {
            String errorType = e instanceof AwsError aws ? aws.code() : e.failure().name();
            audit.record(now, leaf != null ? leaf : bestEffortLeaf(req), roleArn, false, errorType, e.getMessage(), null);
            throw e;
        }
    }

    private static int parameters(SessionRequest p, Profile profile) {
        int requested = p.durationSeconds() == null ? profile.durationSeconds() : p.durationSeconds();
        if (requested < 900 || requested > 43200) {
            throw AwsError.validation("durationSeconds " + requested + " must be between 900 and 43200");
        }
        if (p.roleSessionName() != null) {
            if (!profile.acceptRoleSessionName()) {
                throw AwsError.accessDenied("Not authorized to set roleSessionName.",
                        "profile " + profile.id() + " has acceptRoleSessionName=false; enable it or omit roleSessionName");
            }
            if (!p.roleSessionName().matches("[\\w+=,.@-]{2,64}")) {
                throw AwsError.validation("roleSessionName \"" + p.roleSessionName()
                        + "\" must be 2-64 characters of letters, digits and +=,.@_-");
            }
        }
        if (profile.requireInstanceProperties() && (p.instanceProperties() == null || p.instanceProperties().isEmpty())) {
            throw AwsError.validation("profile " + profile.id() + " requires instanceProperties and the request has none");
        }
        if (p.instanceProperties() != null) {
            if (p.instanceProperties().size() > 50) {
                throw AwsError.validation("instanceProperties has " + p.instanceProperties().size() + " entries; at most 50");
            }
            p.instanceProperties().forEach((k, v) -> {
                if (k.isEmpty() || k.length() > 200 || v.isEmpty() || v.length() > 200) {
                    throw AwsError.validation("instanceProperties entry \"" + k + "\" must have a key and a value of 1-200 characters");
                }
            });
        }
        return Math.min(profile.durationSeconds(), requested);
    }

    private static void keySize(X509Certificate leaf) {
        if (leaf.getPublicKey() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw LeafRules.untrusted("leaf RSA key has " + rsa.getModulus().bitLength() + " bits; at least 2048 are required");
        }
    }

    private static int packedSize(PrincipalTags.Result tags, Profile profile) {
        int bytes = profile.sessionPolicy() == null ? 0 : profile.sessionPolicy().length();
        for (var e : tags.tags().entrySet()) {
            bytes += e.getKey().length() + e.getValue().length();
        }
        return Math.min(100, (bytes * 100 + 2047) / 2048);
    }

    /** The X-Amz-X509 certificate for the audit line of a request refused before it was verified; null if unreadable. */
    private static X509Certificate bestEffortLeaf(RawRequest req) {
        try {
            return req.header("x-amz-x509").map(h -> X509Verifier.certificate(h, "X-Amz-X509")).orElse(null);
        } catch (AwsError e) {
            return null;
        }
    }
}
