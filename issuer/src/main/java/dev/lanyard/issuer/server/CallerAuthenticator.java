package dev.lanyard.issuer.server;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.server.service.ResourceService;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.server.store.Store;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Maps the mTLS client certificate to a {@link Caller}: it must be signed by this cluster's
 * host/user CA, valid now, carry {@code O=<cluster>, OU=admin|user|bot, CN=<name>}, and the user or
 * bot must still exist. A certificate that fails these checks is audited ({@code auth.failed}).
 */
public final class CallerAuthenticator {
    private final TrustDomain trustDomain;
    private final X509Certificate hostCa;
    private final ResourceService resources;
    private final Store store;
    private final Clock clock;

    CallerAuthenticator(TrustDomain trustDomain, X509Certificate hostCa, ResourceService resources, Store store,
                        Clock clock) {
        this.trustDomain = trustDomain;
        this.hostCa = hostCa;
        this.resources = resources;
        this.store = store;
        this.clock = clock;
    }

    public Caller authenticate(X509Certificate cert) {
        if (cert == null) {
            throw new LanyardException(Failure.DENIED, "this request needs a client identity: log in with lanyard "
                    + "login, or use --data-dir on the issuer host");
        }
        try {
            return check(cert);
        } catch (LanyardException e) {
            Map<String, Object> f = new java.util.LinkedHashMap<>();
            f.put("subject", cert.getSubjectX500Principal().getName());
            f.put("reason", e.getMessage());
            store.append(AuditEvent.of(clock.instant(), AuditEvent.AUTH_FAILED, subjectLabel(cert), null, f));
            throw e;
        }
    }

    private static String subjectLabel(X509Certificate cert) {
        Map<String, String> rdns;
        try {
            rdns = rdns(cert);
        } catch (LanyardException e) {
            return "unknown";
        }
        return rdns.getOrDefault("OU", "unknown").toLowerCase(Locale.ROOT) + ":" + rdns.getOrDefault("CN", "unknown");
    }

    private Caller check(X509Certificate cert) {
        try {
            cert.verify(hostCa.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new LanyardException(Failure.UNTRUSTED, "client certificate is not from this cluster's host CA");
        }
        Date now = Date.from(clock.instant());
        if (now.after(cert.getNotAfter()) || now.before(cert.getNotBefore())) {
            throw new LanyardException(Failure.UNTRUSTED, "client identity expired at "
                    + cert.getNotAfter().toInstant() + "; run lanyard login again");
        }
        Map<String, String> rdns = rdns(cert);
        String unit = rdns.getOrDefault("OU", "");
        String name = rdns.get("CN");
        Caller.Type type;
        try {
            type = Caller.Type.valueOf(unit.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LanyardException(Failure.DENIED, "certificate is not a client identity (OU=" + unit + ")");
        }
        String org = rdns.getOrDefault("O", "");
        if (!trustDomain.name().startsWith(org) || org.isEmpty()) {
            throw new LanyardException(Failure.DENIED, "client identity belongs to another cluster (O=" + org + ")");
        }
        if (name == null) {
            throw new LanyardException(Failure.DENIED, "client certificate has no CN");
        }
        Caller caller = new Caller(type, name);
        if (type == Caller.Type.USER && !resources.exists(Kind.USER, name)
                || type == Caller.Type.BOT && !resources.exists(Kind.BOT, name)) {
            throw new LanyardException(Failure.DENIED, caller.label() + " no longer exists");
        }
        return caller;
    }

    private static Map<String, String> rdns(X509Certificate cert) {
        Map<String, String> out = new HashMap<>();
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                out.put(rdn.getType().toUpperCase(Locale.ROOT), String.valueOf(rdn.getValue()));
            }
        } catch (InvalidNameException e) {
            throw new LanyardException(Failure.DENIED, "client certificate subject is unreadable");
        }
        return out;
    }
}
