package dev.lanyard.emulator.rolesanywhere;

import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.JsonBody;
import dev.lanyard.emulator.store.Ids;
import dev.lanyard.emulator.store.Registry;
import dev.lanyard.emulator.store.TrustAnchor;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/** Trust anchors of type CERTIFICATE_BUNDLE: at most 2 CA certificates, at most 8000 PEM characters. */
public final class TrustAnchorService {
    private final Registry registry;
    private final Ids ids;
    private final Clock clock;

    public TrustAnchorService(Registry registry, Ids ids, Clock clock) {
        this.registry = registry;
        this.ids = ids;
        this.clock = clock;
    }

    public TrustAnchor create(JsonBody body) {
        String name = Validation.name(body.string("name"));
        String bundle = bundle(body.object("source"));
        Boolean enabled = body.bool("enabled");
        return put(new TrustAnchor(ids.uuid(), name, enabled != null && enabled, "CERTIFICATE_BUNDLE", bundle,
                clock.instant(), clock.instant()));
    }

    /** Creates or replaces (seeding, updates). */
    public TrustAnchor put(TrustAnchor ta) {
        certificates(ta.certificateBundle());
        registry.update(s -> s.withTrustAnchors(Registry.replace(s.trustAnchors(), ta, t -> t.id().equals(ta.id()))));
        return ta;
    }

    public TrustAnchor get(String id) {
        Validation.id(id, "trust anchor");
        return registry.trustAnchor(id).orElseThrow(() -> AwsError.notFound("Trust anchor not found",
                "no trust anchor with id " + id));
    }

    public List<TrustAnchor> list() {
        return registry.snapshot().trustAnchors();
    }

    public TrustAnchor update(String id, JsonBody body) {
        TrustAnchor ta = get(id);
        String name = body.has("name") ? Validation.name(body.string("name")) : ta.name();
        String bundle = body.has("source") ? bundle(body.object("source")) : ta.certificateBundle();
        return put(new TrustAnchor(ta.id(), name, ta.enabled(), ta.sourceType(), bundle, ta.createdAt(), clock.instant()));
    }

    public TrustAnchor setEnabled(String id, boolean enabled) {
        return put(get(id).withEnabled(enabled, clock.instant()));
    }

    public TrustAnchor delete(String id) {
        TrustAnchor ta = get(id);
        registry.update(s -> s.withTrustAnchors(Registry.filter(s.trustAnchors(), t -> !t.id().equals(id)))
                .withCrls(Registry.filter(s.crls(), c -> !c.trustAnchorId().equals(id))));
        return ta;
    }

    private static String bundle(JsonBody source) {
        String type = source.string("sourceType");
        if (type == null) {
            throw AwsError.validation("source.sourceType is required (CERTIFICATE_BUNDLE)");
        }
        if (!"CERTIFICATE_BUNDLE".equals(type)) {
            throw AwsError.validation("source.sourceType \"" + type
                    + "\" is not supported by the emulator; use CERTIFICATE_BUNDLE with sourceData.x509CertificateData");
        }
        String pem = source.object("sourceData").string("x509CertificateData");
        if (pem == null || pem.isEmpty()) {
            throw AwsError.validation("source.sourceData.x509CertificateData is required for CERTIFICATE_BUNDLE");
        }
        return pem;
    }

    /** The anchor certificates of a bundle, validated against the AWS limits. */
    public static List<X509Certificate> certificates(String pem) {
        if (pem.length() > Validation.MAX_BUNDLE_CHARS) {
            throw AwsError.validation("x509CertificateData has " + pem.length() + " characters; at most "
                    + Validation.MAX_BUNDLE_CHARS + " are allowed");
        }
        List<X509Certificate> certs;
        try {
            certs = Certificates.parseAll(pem.getBytes(StandardCharsets.UTF_8), "x509CertificateData");
        } catch (LanyardException e) {
            throw AwsError.validation(e.getMessage());
        }
        if (certs.size() > Validation.MAX_CERTIFICATES_PER_ANCHOR) {
            throw AwsError.validation("x509CertificateData holds " + certs.size() + " certificates; a trust anchor holds at most "
                    + Validation.MAX_CERTIFICATES_PER_ANCHOR);
        }
        for (X509Certificate c : certs) {
            if (c.getBasicConstraints() < 0) {
                throw AwsError.validation("x509CertificateData: \"" + c.getSubjectX500Principal().getName()
                        + "\" is not a CA certificate (basicConstraints cA is not true)");
            }
        }
        return certs;
    }
}
