package dev.lanyard.emulator.rolesanywhere;

import dev.lanyard.emulator.store.Profile;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The session tags Roles Anywhere derives from a certificate: x509Subject/RDN, x509Issuer/RDN,
 * x509SAN/DNS, x509SAN/URI (first of each) and x509SAN/Name/RDN (first directory name), filtered by
 * the profile's attribute mappings. Values that break the STS tag pattern are dropped.
 */
public final class PrincipalTags {
    static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    static final Set<String> RDN_NAMES = Set.of("CN", "O", "OU", "C", "ST", "L", "UID", "DC", "STREET");
    static final int MAX_TAGS = 50;

    /** Tags produced, and for tags the certificate had but that were not produced, why. */
    public record Result(Map<String, String> tags, Map<String, String> dropped) {
    }

    private PrincipalTags() {
    }

    public static List<Profile.AttributeMapping> defaults() {
        return List.of(new Profile.AttributeMapping("x509Subject", List.of("*")),
                new Profile.AttributeMapping("x509Issuer", List.of("*")),
                new Profile.AttributeMapping("x509SAN", List.of("DNS", "URI", "Name/*")));
    }

    /** The mappings in force: the profile's, with the defaults for any field it does not mention. */
    public static List<Profile.AttributeMapping> effectiveMappings(List<Profile.AttributeMapping> profile) {
        if (profile == null) {
            return defaults();
        }
        List<Profile.AttributeMapping> out = new ArrayList<>(profile);
        for (Profile.AttributeMapping d : defaults()) {
            if (profile.stream().noneMatch(m -> m.certificateField().equals(d.certificateField()))) {
                out.add(d);
            }
        }
        return out;
    }

    public static Result of(X509Certificate cert, List<Profile.AttributeMapping> profileMappings) {
        Map<String, String> all = new LinkedHashMap<>();
        rdns("x509Subject/", cert.getSubjectX500Principal(), all);
        rdns("x509Issuer/", cert.getIssuerX500Principal(), all);
        sans(cert, all);
        List<Profile.AttributeMapping> mappings = effectiveMappings(profileMappings);
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, String> dropped = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (!mapped(e.getKey(), mappings)) {
                dropped.put(e.getKey(), "not selected by the profile's attribute mappings");
            } else if (e.getValue().length() > 256 || !TAG_VALUE.matcher(e.getValue()).matches()) {
                dropped.put(e.getKey(), "value \"" + e.getValue() + "\" breaks the STS tag value rules (<= 256 of [\\p{L}\\p{Z}\\p{N}_.:/=+-@])");
            } else if (tags.size() >= MAX_TAGS) {
                dropped.put(e.getKey(), "more than " + MAX_TAGS + " session tags");
            } else {
                tags.put(e.getKey(), e.getValue());
            }
        }
        return new Result(tags, dropped);
    }

    private static boolean mapped(String tag, List<Profile.AttributeMapping> mappings) {
        int slash = tag.indexOf('/');
        String field = tag.substring(0, slash);
        String rest = tag.substring(slash + 1);
        for (Profile.AttributeMapping m : mappings) {
            if (!m.certificateField().equals(field)) {
                continue;
            }
            for (String spec : m.specifiers()) {
                if (field.equals("x509SAN")) {
                    boolean nameAll = spec.equals("Name") || spec.equals("Name/") || spec.equals("Name/*");
                    if (spec.equals(rest) || (nameAll && rest.startsWith("Name/"))) {
                        return true;
                    }
                } else if (spec.equals("*") || spec.equals(rest)) {
                    return true;
                }
            }
        }
        return false;
    }

    static void rdns(String prefix, X500Principal principal, Map<String, String> out) {
        LdapName name;
        try {
            name = new LdapName(principal.getName(X500Principal.RFC2253));
        } catch (InvalidNameException e) {
            return;
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (Rdn rdn : name.getRdns()) {
            try {
                for (javax.naming.NamingEnumeration<? extends javax.naming.directory.Attribute> attrs = rdn.toAttributes().getAll();
                     attrs.hasMore(); ) {
                    javax.naming.directory.Attribute a = attrs.next();
                    String type = a.getID().toUpperCase(Locale.ROOT);
                    Object v = a.get();
                    if (RDN_NAMES.contains(type) && v instanceof String s) {
                        byType.computeIfAbsent(type, k -> new ArrayList<>()).add(s);
                    }
                }
            } catch (javax.naming.NamingException e) {
                // an RDN we cannot read produces no tag
            }
        }
        byType.forEach((type, values) -> out.put(prefix + type, String.join("/", values)));
    }

    private static void sans(X509Certificate cert, Map<String, String> out) {
        Collection<List<?>> sans;
        try {
            sans = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return;
        }
        if (sans == null) {
            return;
        }
        for (List<?> san : sans) {
            int type = (Integer) san.get(0);
            Object value = san.get(1);
            if (type == 2 && !out.containsKey("x509SAN/DNS")) {
                out.put("x509SAN/DNS", String.valueOf(value));
            } else if (type == 6 && !out.containsKey("x509SAN/URI")) {
                out.put("x509SAN/URI", String.valueOf(value));
            } else if (type == 4 && out.keySet().stream().noneMatch(k -> k.startsWith("x509SAN/Name/"))) {
                rdns("x509SAN/Name/", new X500Principal(String.valueOf(value)), out);
            }
        }
    }
}
