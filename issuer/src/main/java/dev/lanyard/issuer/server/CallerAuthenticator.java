package dev.lanyard.issuer.server;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.server.service.ResourceService;
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
 * bot must still exist.
 */
public final class CallerAuthenticator {
    private final TrustDomain trustDomain;
    private final X509Certificate hostCa;
    private final ResourceService resources;
    private final Clock clock;

    CallerAuthenticator(TrustDomain trustDomain, X509Certificate hostCa, ResourceService resources, Clock clock) {
        this.trustDomain = trustDomain;
        this.hostCa = hostCa;
        this.resources = resources;
        this.clock = clock;
    }

    public Caller authenticate(X509Certificate cert) {
        if (cert == null) {
            throw new LanyardException(Failure.DENIED, "this request needs a client identity: log in with lanyard "
                    + "login, or use --data-dir on the issuer host");
        }
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
        if (type == Caller.Type.USER && resources.find(Kind.USER, name).isEmpty()
                || type == Caller.Type.BOT && resources.find(Kind.BOT, name).isEmpty()) {
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
