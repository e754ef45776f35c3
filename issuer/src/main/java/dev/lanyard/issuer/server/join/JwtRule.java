package dev.lanyard.issuer.server.join;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code spec.jwt} block of a token resource with {@code join_method: jwt}: where the identity
 * provider's keys are ({@code jwks_file}, {@code jwks_url} or an inline {@code jwks} document), the
 * {@code issuer} and {@code audience} the JWT must carry, and {@code allow} rules. A rule is a map of
 * claim name to required value and matches when every named claim equals its value; one matching
 * rule is enough, and an empty list allows nothing (deny by default). Examples: GitHub Actions
 * {@code {sub: "repo:org/repo:ref:refs/heads/main"}}, Kubernetes
 * {@code {sub: "system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT"}}.
 */
record JwtRule(String issuer, String audience, String jwksFile, String jwksUrl, String jwks,
               List<Map<String, String>> allow) {
    static final Set<String> KEYS = Set.of("issuer", "audience", "jwks_file", "jwks_url", "jwks", "allow");

    JwtRule {
        allow = List.copyOf(allow);
    }

    /** Parses and validates the block; {@code path} prefixes every message (e.g. {@code spec.jwt}). */
    @SuppressWarnings("unchecked")
    static JwtRule parse(Object raw, String path) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw invalid(path, "must be a mapping with issuer, audience, jwks_file|jwks_url|jwks and allow");
        }
        for (Object k : m.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw invalid(path, "unknown field '" + k + "'; allowed: allow, audience, issuer, jwks, jwks_file, "
                        + "jwks_url");
            }
        }
        String issuer = string(m, "issuer", path, true);
        String audience = string(m, "audience", path, true);
        String file = string(m, "jwks_file", path, false);
        String url = string(m, "jwks_url", path, false);
        String inline = string(m, "jwks", path, false);
        int sources = (file == null ? 0 : 1) + (url == null ? 0 : 1) + (inline == null ? 0 : 1);
        if (sources != 1) {
            throw invalid(path, "give exactly one of jwks_file, jwks_url or jwks");
        }
        if (url != null && !url.startsWith("https://")) {
            throw invalid(path + ".jwks_url", "must be an https:// URL");
        }
        if (url != null) {
            try {
                URI.create(url);
            } catch (IllegalArgumentException e) {
                throw invalid(path + ".jwks_url", "is not a URL");
            }
        }
        Object rawAllow = m.get("allow");
        if (!(rawAllow instanceof List<?> rules) || rules.isEmpty()) {
            throw invalid(path + ".allow", "must list at least one rule, e.g. [{sub: \"repo:org/repo:ref:refs/heads/main\"}]");
        }
        List<Map<String, String>> allow = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!(rules.get(i) instanceof Map<?, ?> r) || r.isEmpty()) {
                throw invalid(path + ".allow[" + i + "]", "must map claim names to required values");
            }
            Map<String, String> rule = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : r.entrySet()) {
                if (!(e.getValue() instanceof String || e.getValue() instanceof Number
                        || e.getValue() instanceof Boolean)) {
                    throw invalid(path + ".allow[" + i + "]." + e.getKey(), "must be a single value");
                }
                rule.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
            allow.add(rule);
        }
        return new JwtRule(issuer, audience, file, url, inline, allow);
    }

    /** The canonical document form, as stored in the token resource. */
    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("issuer", issuer);
        out.put("audience", audience);
        if (jwksFile != null) {
            out.put("jwks_file", jwksFile);
        }
        if (jwksUrl != null) {
            out.put("jwks_url", jwksUrl);
        }
        if (jwks != null) {
            out.put("jwks", jwks);
        }
        out.put("allow", allow);
        return out;
    }

    private static String string(Map<?, ?> m, String key, String path, boolean required) {
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                throw invalid(path + "." + key, "is required");
            }
            return null;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw invalid(path + "." + key, "must be a non-empty string");
        }
        return s;
    }

    private static LanyardException invalid(String path, String problem) {
        return new LanyardException(Failure.INVALID_INPUT, path + ": " + problem);
    }
}
