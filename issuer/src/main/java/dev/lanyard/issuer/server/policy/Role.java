package dev.lanyard.issuer.server.policy;

import dev.lanyard.issuer.resource.Cidr;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A role's rules, read from a validated {@code kind: role} resource. */
public record Role(String name, Conditions allow, Conditions deny) {

    public record Conditions(List<SpiffeRule> spiffe, List<ResourceRule> rules) {
        static final Conditions NONE = new Conditions(List.of(), List.of());
    }

    /** {@code path} glob; every requested DNS SAN must match a {@code dnsSans} glob, every IP a CIDR. */
    public record SpiffeRule(String path, List<String> dnsSans, List<Cidr> ipSans) {
    }

    public record ResourceRule(Set<String> resources, Set<String> verbs) {
    }

    public static Role from(Resource r) {
        if (r.kind() != Kind.ROLE) {
            throw new IllegalArgumentException("not a role: " + r.ref());
        }
        return new Role(r.name(), conditions(r.spec().get("allow")), conditions(r.spec().get("deny")));
    }

    @SuppressWarnings("unchecked")
    private static Conditions conditions(Object raw) {
        if (!(raw instanceof Map<?, ?>)) {
            return Conditions.NONE;
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        List<SpiffeRule> spiffe = new ArrayList<>();
        for (Object o : (List<Object>) m.getOrDefault("spiffe", List.of())) {
            Map<String, Object> r = (Map<String, Object>) o;
            List<String> dns = (List<String>) r.getOrDefault("dns_sans", List.of());
            List<Cidr> ips = ((List<String>) r.getOrDefault("ip_sans", List.of())).stream().map(Cidr::parse).toList();
            spiffe.add(new SpiffeRule((String) r.get("path"), dns, ips));
        }
        List<ResourceRule> rules = new ArrayList<>();
        for (Object o : (List<Object>) m.getOrDefault("rules", List.of())) {
            Map<String, Object> r = (Map<String, Object>) o;
            rules.add(new ResourceRule(Set.copyOf((List<String>) r.get("resources")),
                    Set.copyOf((List<String>) r.get("verbs"))));
        }
        return new Conditions(List.copyOf(spiffe), List.copyOf(rules));
    }
}
