package dev.lanyard.emulator.rolesanywhere;

import dev.lanyard.common.aws.TrustAnchorArn;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.JsonBody;
import dev.lanyard.emulator.store.Crl;
import dev.lanyard.emulator.store.Ids;
import dev.lanyard.emulator.store.Registry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.util.List;

/** Imported CRLs: at most 2 per trust anchor, PEM or DER, at most 300000 bytes. */
public final class CrlService {
    private final Registry registry;
    private final Ids ids;
    private final Clock clock;
    private final TrustAnchorService anchors;

    public CrlService(Registry registry, Ids ids, Clock clock, TrustAnchorService anchors) {
        this.registry = registry;
        this.ids = ids;
        this.clock = clock;
        this.anchors = anchors;
    }

    public Crl importCrl(JsonBody b) {
        String name = Validation.name(b.string("name"));
        byte[] data = b.blob("crlData");
        if (data == null) {
            throw AwsError.validation("\"crlData\" is required");
        }
        String taArn = b.requireString("trustAnchorArn");
        String taId;
        try {
            taId = TrustAnchorArn.parse(taArn).id();
        } catch (LanyardException e) {
            throw AwsError.validation(e.getMessage());
        }
        anchors.get(taId);
        Boolean enabled = b.bool("enabled");
        return put(new Crl(ids.uuid(), name, enabled != null && enabled, taId, data, clock.instant(), clock.instant()));
    }

    public Crl put(Crl crl) {
        parse(crl.crlData());
        synchronized (registry) {
            long others = registry.snapshot().crls().stream()
                    .filter(c -> c.trustAnchorId().equals(crl.trustAnchorId()) && !c.id().equals(crl.id())).count();
            if (others >= Validation.MAX_CRLS_PER_ANCHOR) {
                throw AwsError.validation("trust anchor " + crl.trustAnchorId() + " already has " + others
                        + " CRLs; at most " + Validation.MAX_CRLS_PER_ANCHOR + " are allowed per trust anchor");
            }
            registry.update(s -> s.withCrls(Registry.replace(s.crls(), crl, c -> c.id().equals(crl.id()))));
        }
        return crl;
    }

    public Crl get(String id) {
        Validation.id(id, "CRL");
        return registry.crl(id).orElseThrow(() -> AwsError.notFound("CRL not found", "no CRL with id " + id));
    }

    public List<Crl> list() {
        return registry.snapshot().crls();
    }

    public Crl update(String id, JsonBody b) {
        Crl c = get(id);
        byte[] data = b.has("crlData") ? b.blob("crlData") : c.crlData();
        return put(new Crl(c.id(), b.has("name") ? Validation.name(b.string("name")) : c.name(), c.enabled(),
                c.trustAnchorId(), data, c.createdAt(), clock.instant()));
    }

    public Crl setEnabled(String id, boolean enabled) {
        return put(get(id).withEnabled(enabled, clock.instant()));
    }

    public Crl delete(String id) {
        Crl c = get(id);
        registry.update(s -> s.withCrls(Registry.filter(s.crls(), x -> !x.id().equals(id))));
        return c;
    }

    /** Parses PEM ("X509 CRL") or DER CRL bytes. */
    public static X509CRL parse(byte[] data) {
        if (data.length == 0 || data.length > 300000) {
            throw AwsError.validation("crlData must be 1-300000 bytes, got " + data.length);
        }
        byte[] der = data;
        if (Pem.looksLikePem(data)) {
            try {
                der = Pem.decode(new String(data, StandardCharsets.UTF_8)).stream()
                        .filter(bl -> bl.label().equals("X509 CRL")).findFirst()
                        .orElseThrow(() -> AwsError.validation("crlData has no \"X509 CRL\" PEM block")).der();
            } catch (IllegalArgumentException e) {
                throw AwsError.validation("crlData: " + e.getMessage());
            }
        }
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw AwsError.validation("crlData is not an X.509 CRL (PEM or DER)");
        }
    }
}
