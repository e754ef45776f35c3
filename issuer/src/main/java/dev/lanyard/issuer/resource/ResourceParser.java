package dev.lanyard.issuer.resource;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.spiffe.SpiffeId;
import dev.lanyard.common.spiffe.TrustDomain;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns YAML or JSON documents into validated {@link Resource}s in canonical form. Unknown fields,
 * wrong kinds or versions, bad names, paths, globs and CIDRs are refused with the field path.
 */
public final class ResourceParser {
    public static final int MAX_DOCUMENT_CHARS = 256 * 1024;
    public static final Set<String> RESOURCE_NAMES = Set.of("role", "user", "bot", "token", "audit", "ca", "*");
    public static final Set<String> VERBS = Set.of("list", "read", "create", "update", "delete", "*");
    public static final Set<String> TOKEN_ROLES = Set.of("bot", "user_setup");
    private static final Pattern DNS_GLOB = Pattern.compile("[A-Za-z0-9*]([A-Za-z0-9*.-]{0,252})?");
    private static final TrustDomain PLACEHOLDER = new TrustDomain("placeholder");

    private ResourceParser() {
    }

    /** Every document in a (multi-document) YAML or JSON text. */
    public static List<Resource> parseYaml(String text, String source) {
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new LanyardException(Failure.INVALID_INPUT, source + ": larger than 256 KiB");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        List<Resource> out = new ArrayList<>();
        try {
            int index = 0;
            for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(text)) {
                index++;
                if (doc != null) {
                    out.add(parse(doc, index == 1 ? source : source + " (document " + index + ")"));
                }
            }
        } catch (YAMLException e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("syntax error");
            throw new LanyardException(Failure.INVALID_INPUT, source + ": malformed YAML: " + first);
        }
        if (out.isEmpty()) {
            throw new LanyardException(Failure.INVALID_INPUT, source + ": no resource found; expected kind, version, "
                    + "metadata and spec");
        }
        return out;
    }

    public static Resource parse(Object doc, String source) {
        Fields f = new Fields(source);
        Map<String, Object> top = f.map(doc, "document", Set.of("kind", "version", "metadata", "spec"));
        Kind kind = parseKind(f, f.string(top, "kind", "", true));
        String version = f.string(top, "version", "", true);
        if (!kind.version().equals(version)) {
            throw f.invalid("version", kind.id() + " resources are version " + kind.version() + ", not '"
                    + Fields.shorten(version) + "'");
        }
        Map<String, Object> meta = f.map(top.get("metadata"), "metadata",
                Set.of("name", "description", "labels", "expires"));
        String name = f.name(f.string(meta, "name", "metadata", true), "metadata.name");
        Map<String, Object> canonicalMeta = new LinkedHashMap<>();
        canonicalMeta.put("name", name);
        String description = f.string(meta, "description", "metadata", false);
        if (description != null) {
            canonicalMeta.put("description", description);
        }
        if (meta.get("labels") != null) {
            Map<String, Object> labels = f.map(meta.get("labels"), "metadata.labels", labelKeys(meta.get("labels")));
            Map<String, Object> copy = new LinkedHashMap<>();
            labels.forEach((k, v) -> copy.put(k, f.checkString(String.valueOf(v), "metadata.labels." + k)));
            canonicalMeta.put("labels", copy);
        }
        String expires = f.string(meta, "expires", "metadata", false);
        if (expires != null) {
            try {
                canonicalMeta.put("expires", Instant.parse(expires).toString());
            } catch (DateTimeParseException e) {
                throw f.invalid("metadata.expires", "must be an RFC 3339 time such as 2030-01-01T00:00:00Z");
            }
        }
        Object rawSpec = top.get("spec") == null ? Map.of() : top.get("spec");
        Map<String, Object> spec = switch (kind) {
            case ROLE -> roleSpec(f, rawSpec);
            case USER, BOT -> rolesSpec(f, rawSpec);
            case TOKEN -> TokenSpec.parse(f, rawSpec);
        };
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", kind.id());
        document.put("version", kind.version());
        document.put("metadata", canonicalMeta);
        document.put("spec", spec);
        return new Resource(kind, name, document);
    }

    private static Kind parseKind(Fields f, String text) {
        for (Kind k : Kind.values()) {
            if (k.id().equals(text)) {
                return k;
            }
        }
        throw f.invalid("kind", "unknown kind '" + Fields.shorten(text) + "'; use role, user, bot or token");
    }

    private static Set<String> labelKeys(Object labels) {
        if (labels instanceof Map<?, ?> m) {
            Set<String> keys = new java.util.HashSet<>();
            m.keySet().forEach(k -> keys.add(String.valueOf(k)));
            return keys;
        }
        return Set.of();
    }

    private static Map<String, Object> roleSpec(Fields f, Object raw) {
        Map<String, Object> spec = f.map(raw, "spec", Set.of("allow", "deny"));
        Map<String, Object> out = new LinkedHashMap<>();
        for (String side : List.of("allow", "deny")) {
            Map<String, Object> cond = f.optionalMap(spec, side, "spec", Set.of("spiffe", "rules"));
            Map<String, Object> c = new LinkedHashMap<>();
            String base = "spec." + side;
            if (cond.get("spiffe") != null) {
                c.put("spiffe", spiffeRules(f, f.list(cond.get("spiffe"), base + ".spiffe"), base + ".spiffe"));
            }
            if (cond.get("rules") != null) {
                c.put("rules", resourceRules(f, f.list(cond.get("rules"), base + ".rules"), base + ".rules"));
            }
            if (!c.isEmpty()) {
                out.put(side, c);
            }
        }
        return out;
    }

    private static List<Object> spiffeRules(Fields f, List<Object> rules, String path) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String p = path + "[" + i + "]";
            Map<String, Object> r = f.map(rules.get(i), p, Set.of("path", "dns_sans", "ip_sans"));
            String glob = f.string(r, "path", p, true);
            try {
                SpiffeId.fromPath(PLACEHOLDER, glob.replace('*', 'x'));
            } catch (LanyardException e) {
                throw f.invalid(p + ".path", "'" + Fields.shorten(glob) + "' is not a SPIFFE path glob such as "
                        + "/svc/example or /svc/*");
            }
            List<String> dns = f.strings(r, "dns_sans", p);
            for (int j = 0; j < dns.size(); j++) {
                if (!DNS_GLOB.matcher(dns.get(j)).matches()) {
                    throw f.invalid(p + ".dns_sans[" + j + "]", "'" + Fields.shorten(dns.get(j))
                            + "' is not a DNS name glob such as *.example.com");
                }
            }
            List<String> ips = f.strings(r, "ip_sans", p);
            for (int j = 0; j < ips.size(); j++) {
                try {
                    Cidr.parse(ips.get(j));
                } catch (LanyardException e) {
                    throw f.invalid(p + ".ip_sans[" + j + "]", e.getMessage());
                }
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("path", glob);
            if (!dns.isEmpty()) {
                c.put("dns_sans", dns);
            }
            if (!ips.isEmpty()) {
                c.put("ip_sans", ips);
            }
            out.add(c);
        }
        return out;
    }

    private static List<Object> resourceRules(Fields f, List<Object> rules, String path) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String p = path + "[" + i + "]";
            Map<String, Object> r = f.map(rules.get(i), p, Set.of("resources", "verbs"));
            List<String> resources = lower(f.strings(r, "resources", p));
            List<String> verbs = lower(f.strings(r, "verbs", p));
            check(f, resources, RESOURCE_NAMES, p + ".resources");
            check(f, verbs, VERBS, p + ".verbs");
            out.add(new LinkedHashMap<>(Map.of("resources", resources, "verbs", verbs)));
        }
        return out;
    }

    private static Map<String, Object> rolesSpec(Fields f, Object raw) {
        Map<String, Object> spec = f.map(raw, "spec", Set.of("roles"));
        List<String> roles = f.strings(spec, "roles", "spec");
        for (int i = 0; i < roles.size(); i++) {
            f.name(roles.get(i), "spec.roles[" + i + "]");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("roles", List.copyOf(new java.util.LinkedHashSet<>(roles)));
        return out;
    }

    static List<String> lower(List<String> in) {
        return in.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    static void check(Fields f, List<String> values, Set<String> allowed, String path) {
        for (int i = 0; i < values.size(); i++) {
            if (!allowed.contains(values.get(i))) {
                throw f.invalid(path + "[" + i + "]", "'" + Fields.shorten(values.get(i)) + "' is not one of "
                        + allowed.stream().sorted().toList());
            }
        }
    }
}
