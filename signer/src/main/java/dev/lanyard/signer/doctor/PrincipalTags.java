package dev.lanyard.signer.doctor;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * The session tags Roles Anywhere derives from a leaf with the default attribute mappings:
 * {@code x509Subject/RDN}, {@code x509Issuer/RDN} (repeated RDNs joined with {@code /}), the first DNS
 * and URI SAN, and the RDNs of the first directoryName SAN. Values that do not match the STS tag
 * pattern (or are longer than 256 characters) are dropped by AWS; they are listed separately.
 */
record PrincipalTags(Map<String, String> tags, Map<String, String> dropped) {
    static final Pattern STS_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    static PrincipalTags of(X509Certificate cert) {
        Map<String, String> all = new LinkedHashMap<>();
        name("x509Subject/", cert.getSubjectX500Principal(), all);
        name("x509Issuer/", cert.getIssuerX500Principal(), all);
        String dns = null;
        String uri = null;
        String dir = null;
        for (List<?> san : sans(cert)) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1));
            if (type == 2 && dns == null) {
                dns = value;
            } else if (type == 6 && uri == null) {
                uri = value;
            } else if (type == 4 && dir == null) {
                dir = value;
            }
        }
        if (dns != null) {
            all.put("x509SAN/DNS", dns);
        }
        if (uri != null) {
            all.put("x509SAN/URI", uri);
        }
        if (dir != null) {
            name("x509SAN/Name/", new X500Principal(dir), all);
        }
        Map<String, String> kept = new LinkedHashMap<>();
        Map<String, String> dropped = new LinkedHashMap<>();
        all.forEach((k, v) -> (v.length() <= 256 && STS_VALUE.matcher(v).matches() ? kept : dropped).put(k, v));
        return new PrincipalTags(kept, dropped);
    }

    private static void name(String prefix, X500Principal principal, Map<String, String> out) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (DistinguishedName.Attribute a : DistinguishedName.attributes(principal)) {
            grouped.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a.value());
        }
        grouped.forEach((k, v) -> out.put(prefix + k, String.join("/", v)));
    }

    private static Collection<List<?>> sans(X509Certificate cert) {
        try {
            Collection<List<?>> s = cert.getSubjectAlternativeNames();
            return s == null ? List.of() : s;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
